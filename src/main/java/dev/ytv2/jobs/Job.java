package dev.ytv2.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** One row of `image_jobs`: a render of one prompt for one item and mode. */
public record Job(long id, String videoId, String mode, String prompt, String promptSource, String template,
                  String state, int attempts, String lastError, OffsetDateTime runAfter, String leaseOwner,
                  OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime startedAt,
                  OffsetDateTime finishedAt, int priority, String backends) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    /** The mode of a job that embeds a report's text for semantic search instead of rendering. */
    public static final String EMBED = "embed";

    /** A render a person asked for (set-image-prompt, Retry): claimed before any background work. */
    public static final int PERSON = 10;
    /** Prompts made for new items and the sweep's finds. */
    public static final int BACKGROUND = 0;

    static final String COLUMNS = """
            id, video_id, mode, prompt, prompt_source, template, state, attempts, last_error, run_after,
            lease_owner, created_at, updated_at, started_at, finished_at, priority, backends
            """;

    static Job map(ResultSet rs) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("video_id"), rs.getString("mode"), rs.getString("prompt"),
                rs.getString("prompt_source"), rs.getString("template"), rs.getString("state"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getObject("run_after", OffsetDateTime.class), rs.getString("lease_owner"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getInt("priority"), rs.getString("backends"));
    }

    /** The API's shape (GET /api/image-jobs). */
    public ObjectNode toJson(ObjectMapper mapper) {
        return mapper.createObjectNode()
                .put("id", id)
                .put("video_id", videoId)
                .put("mode", mode)
                .put("prompt", prompt)
                .put("state", state)
                .put("priority", priority >= PERSON ? "person" : "background")
                .put("attempts", attempts)
                .put("last_error", lastError)
                .put("created_at", text(createdAt))
                .put("updated_at", text(updatedAt))
                .put("started_at", text(startedAt))
                .put("finished_at", text(finishedAt))
                .put("run_after", QUEUED.equals(state) ? text(runAfter) : null);
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }
}
