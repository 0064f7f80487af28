package dev.ytv2.content;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.TestServer;

/** Ingest payloads for tests, in the shape existing YTV2 workers send. */
final class Fixtures {
    private Fixtures() {
    }

    static ObjectNode report(TestServer s, String id, String title, String channel, String source, String category,
                             String subcategory, String language, String contentType, int duration, String published,
                             String indexed, String summaryText) {
        ObjectNode r = s.object();
        r.put("video_id", id);
        r.put("title", title);
        r.put("channel_name", channel);
        r.put("content_source", source);
        r.put("language", language);
        if (duration >= 0) r.put("duration_seconds", duration);
        r.put("published_at", published);
        r.put("indexed_at", indexed);
        r.put("canonical_url", "https://example.com/" + id);
        r.put("thumbnail_url", "https://img.example.com/" + id + ".jpg");
        ObjectNode analysis = r.putObject("analysis_json");
        analysis.putArray("category").add(category);
        analysis.put("subcategory", subcategory);
        analysis.put("content_type", contentType);
        analysis.putArray("key_topics").add("topic-" + id);
        r.putObject("subcategories_json").putArray(category).add(subcategory);
        ArrayNode variants = r.putArray("summary_variants");
        variants.addObject().put("variant", "comprehensive").put("summary_type", "comprehensive")
                .put("text", summaryText).put("html", "<p>" + summaryText + "</p>");
        return r;
    }
}
