package dev.ytv2.images;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The `image_render_requests` table: "render this prompt for this mode", written by
 * `set-image-prompt` and consumed (deleted) by the render worker when it queues the job.
 */
public final class RenderRequestStore {
    /** NOTIFY channel the render worker listens on; the payload is the report's video_id. */
    public static final String CHANNEL = "ytv2_render";

    private final Jdbi jdbi;

    public RenderRequestStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record RenderRequest(long id, String videoId, String mode, String prompt, OffsetDateTime requestedAt) {
    }

    /** Inside the prompt's transaction, so the worker is woken only once the prompt is committed. */
    void request(Handle h, String videoId, ImageMode mode, String prompt) {
        h.createUpdate("""
                        INSERT INTO image_render_requests (video_id, mode, prompt) VALUES (:videoId, :mode, :prompt)""")
                .bind("videoId", videoId).bind("mode", mode.wire()).bind("prompt", prompt).execute();
        h.execute("SELECT pg_notify(?, ?)", CHANNEL, videoId);
    }

    public List<RenderRequest> pending(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, video_id, mode, prompt, requested_at FROM image_render_requests
                        WHERE video_id = :videoId ORDER BY id""")
                .bind("videoId", videoId)
                .map((rs, ctx) -> new RenderRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list());
    }
}
