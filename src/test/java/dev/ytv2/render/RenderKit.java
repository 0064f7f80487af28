package dev.ytv2.render;

import dev.ytv2.images.ImageMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.app.Wiring;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.render.backend.Backends;
import dev.ytv2.render.backend.ImageBackend;
import dev.ytv2.render.backend.RenderConfig;
import dev.ytv2.support.TestServer;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test server plus what render tests do to it: items, prompts as other writers set them, workers, reads. */
public final class RenderKit implements AutoCloseable {
    final TestServer server;
    final Jdbi jdbi;
    final Wiring.Services s;

    public RenderKit(TestServer server) {
        this.server = server;
        this.jdbi = server.running.database().jdbi();
        this.s = server.running.services();
    }

    /** Fast timings so that leases, backoff and sweeps happen within a test. */
    public static Map<String, String> fastEnv(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("YTV2_RENDER_LEASE_SECONDS", "1", "YTV2_RENDER_BACKOFF_SECONDS", "0.3",
                "YTV2_RENDER_SWEEP_SECONDS", "0.2", "YTV2_RENDER_MAX_ATTEMPTS", "3", "YTV2_IMAGE_WIDTH", "160",
                "YTV2_IMAGE_HEIGHT", "90"));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    public RenderWorker worker(String name, ImageBackend backend, Map<String, String> env) {
        RenderConfig config = RenderConfig.fromEnv(env);
        return RenderWorker.create(name, deps(), new Backends(List.of(backend), Clock.systemUTC()), config).start();
    }

    RenderWorker.Deps deps() {
        return new RenderWorker.Deps(jdbi, server.running.database().url(), s.jobs(), s.renderRequests(), s.files(), s.events(), s.images(), s.mapper());
    }

    String item(String id, String title, String category) {
        ObjectNode r = server.object().put("video_id", id).put("title", title).put("channel_name", "Chan");
        ObjectNode a = r.putObject("analysis_json");
        a.putArray("category").add(category);
        a.putArray("key_topics").add("tides").add("lighthouses");
        r.putArray("summary_variants").addObject().put("variant", "comprehensive")
                .put("text", "Keepers once lived at the edge of the sea. They kept the lamps lit.");
        return server.ingest(r).path("video_id").asText(id);
    }

    /** As an external writer (or the Python dashboard) does it: the prompt key, then a NOTIFY. */
    void setPrompt(String videoId, String mode, String prompt) {
        String key = mode.equals("ai1") ? "summary_image_prompt" : "summary_image_ai2_prompt";
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE content SET analysis_json = jsonb_set(analysis_json, ARRAY[CAST(:key AS text)], to_jsonb(CAST(:p AS text))) WHERE video_id = :id")
                    .bind("key", key).bind("p", prompt).bind("id", videoId).execute();
            h.execute("SELECT pg_notify('ytv2_render', ?)", videoId);
        });
    }

    /** As set-image-prompt does it: the prompt and an explicit request in one transaction. */
    Job request(String videoId, String mode, String prompt) {
        String key = mode.equals("ai1") ? "summary_image_prompt" : "summary_image_ai2_prompt";
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE content SET analysis_json = jsonb_set(analysis_json, ARRAY[CAST(:key AS text)], to_jsonb(CAST(:p AS text))) WHERE video_id = :id")
                    .bind("key", key).bind("p", prompt).bind("id", videoId).execute();
            return s.renderRequests().request(h, videoId, ImageMode.parse(mode), prompt);
        });
    }

    /** Background work, as an automatic prompt for a new report queues it. */
    public Job background(String videoId, String mode, String prompt) {
        return jdbi.inTransaction(h -> s.renderRequests().request(h, videoId, ImageMode.parse(mode),
                new JobStore.Spec(prompt, "auto", "freestyle", Job.BACKGROUND, null)));
    }

    JsonNode analysis(String videoId) {
        return json(jdbi.withHandle(h -> h.createQuery("SELECT analysis_json::text FROM content WHERE video_id = :id")
                .bind("id", videoId).mapTo(String.class).one()));
    }

    String column(String videoId, String column) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + "::text FROM content WHERE video_id = :id")
                .bind("id", videoId).mapTo(String.class).one());
    }

    List<JsonNode> variants(String videoId) {
        List<JsonNode> out = new java.util.ArrayList<>();
        analysis(videoId).path("summary_image_variants").forEach(out::add);
        return out;
    }

    List<Job> jobs(String videoId) {
        return s.jobs().forReport(videoId);
    }

    public record Event(String type, JsonNode payload, OffsetDateTime at) {
    }

    List<Event> events(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT type, payload::text, created_at FROM event_log WHERE video_id = :id ORDER BY id")
                .bind("id", videoId).map((rs, ctx) -> new Event(rs.getString(1), json(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class))).list());
    }

    public List<Event> events(String videoId, String type) {
        return events(videoId).stream().filter(e -> e.type().equals(type)).toList();
    }

    JsonNode json(String text) {
        try {
            return s.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
