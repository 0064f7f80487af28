package dev.ytv2.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Reports with image variants for image tests; variants are appended the way a render worker does. */
public final class ImageKit {
    private final TestServer server;
    private final AtomicInteger counter = new AtomicInteger();

    public ImageKit(TestServer server) {
        this.server = server;
    }

    public String report(String title) {
        String id = "yt:img" + String.format("%07d", counter.incrementAndGet());
        server.ingest(server.object().put("video_id", id).put("title", title)
                .set("analysis_json", server.object().put("summary_image_prompt_last_used", "rendered before")
                        .put("summary_image_ai2_prompt_last_used", "ai2 rendered before").put("category", "Science")));
        return id;
    }

    /** As a worker: lock the row, append one variant with jsonb `||`, commit. */
    public void appendVariant(String videoId, ObjectNode variant) {
        server.running.database().jdbi().useTransaction(h -> {
            h.createQuery("SELECT 1 FROM content WHERE video_id = :id FOR UPDATE").bind("id", videoId).mapTo(Integer.class).one();
            h.createUpdate("""
                            UPDATE content SET analysis_json = jsonb_set(coalesce(analysis_json, '{}'::jsonb), '{summary_image_variants}',
                                coalesce(analysis_json -> 'summary_image_variants', '[]'::jsonb) || jsonb_build_array(CAST(:v AS jsonb)))
                            WHERE video_id = :id""")
                    .bind("v", variant.toString()).bind("id", videoId).execute();
        });
    }

    public ObjectNode variant(String url, String mode, Instant createdAt, boolean withId) {
        ObjectNode v = server.object().put("url", url).put("image_mode", mode).put("prompt", "prompt for " + url)
                .put("model", "test-model").put("seed", 42).put("created_at", createdAt.toString());
        if (withId) v.put("id", "v-" + Math.abs(url.hashCode()));
        return v;
    }

    /** The stored analysis_json and summary_image_url, straight from the table. */
    public Map.Entry<JsonNode, String> stored(String videoId) {
        return server.running.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT analysis_json::text, summary_image_url FROM content WHERE video_id = :id")
                .bind("id", videoId)
                .map((rs, ctx) -> Map.entry(parse(rs.getString(1)), String.valueOf(rs.getString(2))))
                .one());
    }

    public JsonNode analysis(String videoId) {
        return stored(videoId).getKey();
    }

    public JsonNode variantByUrl(String videoId, String url) {
        for (JsonNode v : analysis(videoId).path("summary_image_variants")) if (v.path("url").asText().equals(url)) return v;
        throw new AssertionError("no variant " + url + " in " + videoId);
    }

    /** The whole report as the API shows it plus the raw row: what "nothing changed" compares. */
    public String snapshot(String videoId) {
        return server.get("/api/reports/" + videoId, "Authorization", "Bearer " + TestServer.ADMIN).body() + "|" + stored(videoId);
    }

    public long latestEventId() {
        return server.running.services().events().latestId();
    }

    public HttpResponse<String> post(String path, String body) {
        return server.adminPost(path, body);
    }

    public JsonNode ok(String path, String body) {
        HttpResponse<String> r = post(path, body);
        if (r.statusCode() != 200) throw new AssertionError(path + " -> " + r.statusCode() + " " + r.body());
        return server.json(r);
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? server.object() : server.mapper.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
