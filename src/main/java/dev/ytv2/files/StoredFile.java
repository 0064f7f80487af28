package dev.ytv2.files;

import java.time.Instant;

/** One stored file as a store describes it: its public URL, size, last change and entity tag (quoted). */
public record StoredFile(String url, long size, Instant modified, String etag) {
    /** The last segment of the URL. */
    public String name() {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
