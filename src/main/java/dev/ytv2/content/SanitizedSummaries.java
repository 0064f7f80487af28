package dev.ytv2.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sanitised summary HTML, kept per revision: a revision's HTML never changes (a change is a new
 * revision), so it is cleaned once, not on every read (a multi-megabyte summary costs a good part
 * of a second to sanitise). Least recently used revisions go first once `maxChars` are held.
 */
public final class SanitizedSummaries {
    private record Key(String videoId, String variant, int revision, java.time.OffsetDateTime createdAt, int length) {
    }

    private final HtmlSanitizer sanitizer;
    private final long maxChars;
    private long chars;
    private final LinkedHashMap<Key, String> cache = new LinkedHashMap<>(64, 0.75f, true);

    public SanitizedSummaries(HtmlSanitizer sanitizer, long maxChars) {
        this.sanitizer = sanitizer;
        this.maxChars = maxChars;
    }

    public String html(SummaryRow s) {
        if (s.html() == null) return null;
        // createdAt and length tell a report deleted and made again apart from the old one.
        Key key = new Key(s.videoId(), s.variant(), s.revision(), s.createdAt(), s.html().length());
        synchronized (this) {
            String hit = cache.get(key);
            if (hit != null) return hit;
        }
        String clean = sanitizer.sanitize(s.html());
        synchronized (this) {
            if (cache.put(key, clean) == null) chars += clean.length();
            for (var it = cache.entrySet().iterator(); chars > maxChars && it.hasNext(); ) {
                Map.Entry<Key, String> eldest = it.next();
                chars -= eldest.getValue().length();
                it.remove();
            }
        }
        return clean;
    }
}
