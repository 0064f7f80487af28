package dev.ytv2.files;

import dev.ytv2.errors.Refusal;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who refers to which stored file, and so when a file may go. The rules:
 * <ul>
 * <li>A stored file is removed only when no report in the database refers to it any more, in any
 *     of the places listed in {@link #REFERENCES}; deleting or purging one report therefore never
 *     removes a file another report still shows.</li>
 * <li>A client (the ingest token) may add a reference to a stored file only when the file is an
 *     upload ({@link FileStore#isUpload}) that no other report refers to yet, or when no
 *     such file exists (a dangling link removes nothing). Files the renderer, audio ingest or
 *     another report own cannot be claimed, so a report can never be made to share them.</li>
 * </ul>
 * URLs are compared without their query string, since the file behind them is the same.
 */
public final class FileReferences {
    /** The one list of places a row can name a file: each row of `content c` with one `u` per place. */
    private static final String PLACES = """
            FROM content c, LATERAL (
                SELECT c.thumbnail_url AS u UNION ALL SELECT c.summary_image_url
                UNION ALL SELECT c.media ->> 'audio_url'
                UNION ALL SELECT ytv2_as_object(c.analysis_json) ->> 'summary_image_selected_url'
                UNION ALL SELECT ytv2_as_object(c.analysis_json) ->> 'summary_image_ai2_url'
                UNION ALL SELECT v ->> 'url' FROM jsonb_array_elements(ytv2_variants(c.analysis_json)) v) refs""";

    /** Every (video_id, url) a report refers to. */
    static final String REFERENCES = "SELECT c.video_id, split_part(u, '?', 1) AS url " + PLACES + " WHERE u LIKE '/exports/%'";

    /**
     * Every url a file is kept for: as {@link #REFERENCES}, and a URL with a host
     * (`https://dash.example.org/exports/...`, as a writer may have stored it) counts for its path.
     * Only for keeping: a report whose URL names some host never makes a file of ours its own.
     */
    private static final String KEPT = "SELECT split_part(regexp_replace(u, '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*', ''), '?', 1) AS url "
            + PLACES + " WHERE u ~ '^([a-zA-Z][a-zA-Z0-9+.-]*://[^/]*)?/exports/'";

    private final FileStore files;

    public FileReferences(FileStore files) {
        this.files = files;
    }

    /** The stored files one report refers to. */
    public Set<String> of(Handle h, String videoId) {
        return new LinkedHashSet<>(h.createQuery("SELECT DISTINCT url FROM (" + REFERENCES + " AND c.video_id = :videoId) r")
                .bind("videoId", videoId).mapTo(String.class).list());
    }

    /**
     * Of these URLs, those no report refers to: the ones the caller may remove once its transaction
     * has committed. Call it inside the transaction that dropped the references.
     */
    public List<String> unreferenced(Handle h, Collection<String> urls) {
        List<String> local = urls.stream().filter(u -> u != null && u.startsWith("/exports/")).map(FileReferences::plain).distinct().toList();
        if (local.isEmpty()) return List.of();
        // A set difference, so a sweep's hundreds of thousands of URLs cost one pass over each side,
        // whatever the PostgreSQL version (older ones compare `= ANY(array)` element by element).
        Set<String> unused = Set.copyOf(h.createQuery("SELECT u FROM unnest(:urls) u EXCEPT SELECT url FROM (" + KEPT + ") r")
                .bind("urls", local.toArray(String[]::new)).mapTo(String.class).list());
        return local.stream().filter(unused::contains).toList();
    }

    /** Removes those of `urls` no report refers to; returns how many files went. Call after the commit. */
    public long removeUnreferenced(org.jdbi.v3.core.Jdbi jdbi, Collection<String> urls) {
        return jdbi.withHandle(h -> unreferenced(h, urls)).stream().filter(files::delete).count();
    }

    /**
     * Refuses a client's write that made `videoId` refer to stored files it may not claim. `before`
     * is what the report referred to before the write; call it in the write's transaction, after it.
     */
    public void checkClaims(Handle h, String videoId, Set<String> before) {
        for (String url : of(h, videoId)) {
            if (before.contains(url) || files.resolve(url).isEmpty()) continue;
            boolean upload = FileStore.isUpload(url);
            boolean elsewhere = h.createQuery("SELECT EXISTS (SELECT 1 FROM (" + REFERENCES + " AND c.video_id <> :videoId) r WHERE url = :url)")
                    .bind("videoId", videoId).bind("url", url).mapTo(Boolean.class).one();
            if (!upload || elsewhere) {
                throw Refusal.unprocessable("foreign_file", "'" + url + "' is a stored file this report may not refer to: "
                        + "only an upload (POST /api/upload-image or /api/upload-audio) no other report uses can be named.");
            }
        }
    }

    private static String plain(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
