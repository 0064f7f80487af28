package dev.ytv2.files;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Copies every stored file from one store to another under the same URL, so no row of the library
 * changes. A file the target already holds at the same size is skipped, which is what makes a run
 * after an interruption resume where it stopped (an S3 PUT is atomic: an object is whole or absent).
 * Each copy is checked: the size always, the MD5 where both sides offer one for free (an S3 ETag of
 * a single-part upload is the MD5 of its bytes). A large file goes to a bucket in parts
 * ({@link MultipartUpload}: each part checked by S3 against its MD5, the assembled object's ETag
 * against the parts'), and one cut off midway leaves no object, so the next run copies it again.
 */
public final class StorageCopy {
    private static final Pattern MD5_ETAG = Pattern.compile("\"?([0-9a-f]{32})\"?");

    public record Progress(int done, int total, int copied, int skipped, long bytes, Duration elapsed, String url) {
        public double filesPerSecond() {
            return elapsed.isZero() ? 0 : done / (elapsed.toNanos() / 1e9);
        }
    }

    public static final class CopyFailed extends IOException {
        CopyFailed(String message) {
            super(message);
        }
    }

    private final FileStore from;
    private final FileStore to;

    public StorageCopy(FileStore from, FileStore to) {
        this.from = from;
        this.to = to;
    }

    /** Copies what the target lacks; `progress` hears of every file. Returns the last progress. */
    public Progress run(Consumer<Progress> progress) throws IOException {
        long t0 = System.nanoTime();
        List<StoredFile> files = from.list(FileStore.EXPORTS_URL).stream().sorted(Comparator.comparing(StoredFile::url)).toList();
        int copied = 0;
        int skipped = 0;
        long bytes = 0;
        Progress last = new Progress(0, files.size(), 0, 0, 0, Duration.ZERO, "");
        for (StoredFile file : files) {
            Optional<StoredFile> there = to.resolve(file.url());
            if (there.isPresent() && there.get().size() == file.size()) {
                skipped++;
            } else {
                copy(file);
                copied++;
                bytes += file.size();
            }
            last = new Progress(copied + skipped, files.size(), copied, skipped, bytes, Duration.ofNanos(System.nanoTime() - t0), file.url());
            progress.accept(last);
        }
        return last;
    }

    private void copy(StoredFile file) throws IOException {
        MessageDigest md5 = md5();
        try (InputStream in = new DigestInputStream(from.open(file, 0, file.size()), md5)) {
            to.write(file.url(), in, file.size());
        }
        String read = HexFormat.of().formatHex(md5.digest());
        StoredFile written = to.resolve(file.url())
                .orElseThrow(() -> new CopyFailed(file.url() + " is missing from the target after it was copied"));
        String problem = null;
        if (written.size() != file.size()) {
            problem = "has " + written.size() + " bytes in the target, " + file.size() + " in the source";
        } else if (md5Of(file).filter(m -> !m.equals(read)).isPresent()) {
            problem = "was read with another MD5 than the source's ETag says";
        } else if (md5Of(written).filter(m -> !m.equals(read)).isPresent()) {
            problem = "has another MD5 in the target than was read from the source";
        }
        if (problem != null) {
            to.delete(file.url());
            throw new CopyFailed(file.url() + " " + problem + "; it was removed from the target, run the copy again");
        }
    }

    private static Optional<String> md5Of(StoredFile f) {
        var m = MD5_ETAG.matcher(f.etag());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
