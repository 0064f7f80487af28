package dev.ytv2.demo;

import java.time.OffsetDateTime;

/**
 * The identity and metadata of one demo item, settled before any text or file is written for it.
 * {@code fileBase} names its thumbnail and audio files; it is the id with the colon replaced, so
 * it is safe in a path and in a URL.
 */
record DemoItem(
        String videoId,
        String fileBase,
        String source,
        String title,
        String channel,
        String canonicalUrl,
        Integer durationSeconds,
        OffsetDateTime publishedAt,
        OffsetDateTime indexedAt,
        String language) {

    int durationMinutes() {
        return durationSeconds == null ? 0 : durationSeconds / 60;
    }
}
