package dev.ytv2.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.content.NewReportHook;
import dev.ytv2.images.ImageDocument;
import dev.ytv2.images.ImageMode;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.render.prompt.PromptBuilder;
import dev.ytv2.render.prompt.PromptFacts;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * YTV2_AUTO_IMAGES: a newly ingested item gets an A1 and an AI2 prompt where it has none (and its
 * `*_original`), written through {@link ImageDocument}, and a render of each is queued; all inside
 * the ingest transaction. These renders are background work: a person's request goes first.
 */
public final class AutoPrompts implements NewReportHook {
    private final PromptBuilder builder;
    private final ImageDocument document;
    private final RenderRequests requests;
    private final ObjectMapper mapper;
    private final String backends;

    public AutoPrompts(PromptBuilder builder, ImageDocument document, RenderRequests requests, ObjectMapper mapper) {
        this(builder, document, requests, mapper, null);
    }

    /** `backends`: the backends these renders must use (a comma list), or null for the worker's own. */
    public AutoPrompts(PromptBuilder builder, ImageDocument document, RenderRequests requests, ObjectMapper mapper,
                       String backends) {
        this.builder = builder;
        this.document = document;
        this.requests = requests;
        this.mapper = mapper;
        this.backends = backends;
    }

    private record Item(String title, String analysis, String summary) {
    }

    @Override
    public void created(Handle h, String videoId) {
        Optional<Item> item = h.createQuery("""
                        SELECT c.title, ytv2_as_object(c.analysis_json)::text,
                               (SELECT s.text FROM content_summaries s WHERE s.video_id = c.video_id AND s.is_latest
                                ORDER BY (s.variant = 'comprehensive') DESC, s.id LIMIT 1)
                        FROM content c WHERE c.video_id = :id FOR UPDATE""")
                .bind("id", videoId).map((rs, ctx) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3))).findOne();
        if (item.isEmpty()) return;
        JsonNode analysis = parse(item.get().analysis());
        PromptFacts facts = new PromptFacts(videoId, Optional.ofNullable(item.get().title()).orElse(videoId),
                strings(analysis.path("category")), analysis.path("subcategory").asText(null),
                PromptBuilder.headline(item.get().summary()), strings(analysis.path("key_topics")));
        ensure(h, videoId, ImageMode.AI1, analysis, builder.themed(facts));
        ensure(h, videoId, ImageMode.AI2, analysis, builder.freestyle(facts));
    }

    /** A prompt the payload brought along is kept (and rendered if new); a missing one is built. */
    private void ensure(Handle h, String videoId, ImageMode mode, JsonNode analysis, PromptBuilder.Built built) {
        String existing = analysis.path(mode.promptKey()).asText("").strip();
        if (existing.isEmpty()) {
            document.setAutoPrompt(h, videoId, mode, built.prompt());
            requests.request(h, videoId, mode, new JobStore.Spec(built.prompt(), "auto", built.template(), Job.BACKGROUND, backends));
        } else if (!existing.equals(analysis.path(mode.lastUsedKey()).asText("").strip())) {
            requests.request(h, videoId, mode, new JobStore.Spec(existing, "stored", null, Job.BACKGROUND, backends));
        }
    }

    private JsonNode parse(String json) {
        try {
            JsonNode n = json == null ? null : mapper.readTree(json);
            return n != null && n.isObject() ? n : mapper.createObjectNode();
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isTextual() && !n.asText().isBlank()) out.add(n.asText());
        if (n.isArray()) n.forEach(e -> { if (e.isTextual() && !e.asText().isBlank()) out.add(e.asText()); });
        return out;
    }
}
