package dev.ytv2.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One `Range: bytes=...` request against a file of a known length (multi-range asks get the whole file). */
public record ByteRange(long start, long end) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    public long length() {
        return end - start + 1;
    }

    /**
     * Empty when there is no usable range (serve the whole file); throws when the range cannot be
     * satisfied (answer 416).
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) return Optional.empty();
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return Optional.empty();
        long start;
        long end;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) throw new Unsatisfiable();
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || start > end) throw new Unsatisfiable();
        return Optional.of(new ByteRange(start, end));
    }

    public static final class Unsatisfiable extends RuntimeException {
        public Unsatisfiable() {
            super("range not satisfiable", null, false, false);
        }
    }
}
