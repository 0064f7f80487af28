package dev.ytv2.content;

import dev.ytv2.errors.Refusal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Report ids carry a source prefix (`yt:abc123`, `reddit:xyz`, `web:<hash>`), but older rows and
 * clients use the bare form. Every lookup accepts both, so we try each spelling.
 */
public final class ReportIds {
    private static final List<String> PREFIXES = List.of("yt:", "youtube:", "reddit:", "web:");
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}:._~\\-@+=]{1,200}");

    private ReportIds() {
    }

    /** Validates a client-supplied id: 400 when it cannot be any report's id. */
    public static String validate(String raw) {
        if (raw == null || raw.isBlank()) throw Refusal.invalid("invalid_id", "A report id is required.");
        String id = raw.trim();
        if (!ALLOWED.matcher(id).matches()) {
            throw Refusal.invalid("invalid_id", "'" + abbreviate(id) + "' is not a valid report id.");
        }
        return id;
    }

    /** The spellings under which a report may be stored: as given, bare, and with each prefix. */
    public static List<String> candidates(String id) {
        Set<String> out = new LinkedHashSet<>();
        out.add(id);
        String bare = bare(id);
        out.add(bare);
        for (String prefix : PREFIXES) out.add(prefix + bare);
        return List.copyOf(out);
    }

    public static String bare(String id) {
        for (String prefix : PREFIXES) {
            if (id.startsWith(prefix)) return id.substring(prefix.length());
        }
        return id;
    }

    public static boolean isPrefixed(String id) {
        return PREFIXES.stream().anyMatch(id::startsWith);
    }

    /** The stored form for a new report: prefixed by its source, so ids never collide across sources. */
    public static String prefixed(String id, String source) {
        if (isPrefixed(id)) return id;
        return switch (source) {
            case "youtube" -> "yt:" + id;
            case "reddit" -> "reddit:" + id;
            case "web" -> "web:" + id;
            default -> id;
        };
    }

    /** The source a report id or URL points at, for payloads that do not say. */
    public static String inferSource(String id, String url) {
        if (id.startsWith("yt:") || id.startsWith("youtube:")) return "youtube";
        if (id.startsWith("reddit:")) return "reddit";
        if (id.startsWith("web:")) return "web";
        String u = url == null ? "" : url.toLowerCase();
        if (u.contains("youtube.com/") || u.contains("youtu.be/")) return "youtube";
        if (u.contains("reddit.com/") || u.contains("redd.it/")) return "reddit";
        if (u.startsWith("http")) return "web";
        return id.matches("[A-Za-z0-9_-]{11}") ? "youtube" : "web";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
