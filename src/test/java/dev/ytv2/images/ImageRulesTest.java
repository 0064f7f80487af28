package dev.ytv2.images;

import dev.ytv2.render.RenderRequests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules image writes keep (README, API: Images), one by one, through the real API and the real table. */
@DbTest
class ImageRulesTest {
    static TestServer server;
    static ImageKit kit;
    static final Instant T0 = Instant.parse("2025-11-01T10:00:00Z");

    @BeforeAll
    static void start() {
        server = TestServer.start();
        kit = new ImageKit(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String body(Object... kv) {
        ObjectNode o = server.object();
        for (int i = 0; i < kv.length; i += 2) o.set((String) kv[i], server.mapper.valueToTree(kv[i + 1]));
        return o.toString();
    }

    /** A report with A1 variants a (older, selected) and b, and AI2 variant c (selected). */
    static String reportWithVariants(boolean withIds) {
        String id = kit.report("variants");
        kit.appendVariant(id, kit.variant("/exports/images/t/" + id + "-a.png", "ai1", T0, withIds));
        kit.appendVariant(id, kit.variant("/exports/images/t/" + id + "-b.png", "ai1", T0.plusSeconds(60), withIds));
        kit.appendVariant(id, kit.variant("/exports/images/t/" + id + "-c.png", "ai2", T0.plusSeconds(120), withIds));
        kit.ok("/api/select-image-variant", body("video_id", id, "mode", "ai1", "url", url(id, "a")));
        kit.ok("/api/select-image-variant", body("video_id", id, "mode", "ai2", "url", url(id, "c")));
        return id;
    }

    static String url(String id, String name) {
        return "/exports/images/t/" + id + "-" + name + ".png";
    }

    @Test
    void savingAPromptSetsTheOriginalOnlyOnceAndNeverTouchesLastUsed() {
        String id = kit.report("prompts");
        kit.ok("/api/set-image-prompt", body("video_id", id, "mode", "ai1", "prompt", "first A1"));
        kit.ok("/api/set-image-prompt", body("video_id", id, "mode", "ai1", "prompt", "second A1"));
        kit.ok("/api/set-image-prompt", body("video_id", id, "mode", "ai2", "prompt", "first AI2"));
        JsonNode a = kit.analysis(id);
        assertThat(a.get("summary_image_prompt").asText()).isEqualTo("second A1");
        assertThat(a.get("summary_image_prompt_original").asText()).isEqualTo("first A1");
        assertThat(a.get("summary_image_prompt_last_used").asText()).isEqualTo("rendered before");
        assertThat(a.get("summary_image_ai2_prompt").asText()).isEqualTo("first AI2");
        assertThat(a.get("summary_image_ai2_prompt_original").asText()).isEqualTo("first AI2");
        assertThat(a.get("summary_image_ai2_prompt_last_used").asText()).isEqualTo("ai2 rendered before");
        assertThat(a.get("category").asText()).as("keys it does not own are kept").isEqualTo("Science");
    }

    @Test
    void savingThePromptLastRenderedAgainQueuesARenderAndWakesTheWorker() throws Exception {
        String id = kit.report("re-render");
        server.running.database().jdbi().useHandle(h -> h.createUpdate("""
                UPDATE content SET analysis_json = analysis_json || '{"summary_image_ai2_prompt": "same",
                  "summary_image_ai2_prompt_last_used": "same"}' WHERE video_id = :id""").bind("id", id).execute());
        var url = dev.ytv2.db.DatabaseUrl.parse(server.databaseUrl);
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user().get(), url.password().get());
             Statement st = c.createStatement()) {
            st.execute("LISTEN " + RenderRequests.CHANNEL);
            kit.ok("/api/set-image-prompt", body("video_id", id, "mode", "ai2", "prompt", "same"));
            PGNotification[] notes = c.unwrap(PGConnection.class).getNotifications(5000);
            assertThat(notes).isNotNull();
            assertThat(notes).extracting(PGNotification::getParameter).contains(id);
        }
        JsonNode jobs = server.json(server.get("/api/image-jobs?video_id=" + id)).get("jobs");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("mode").asText()).isEqualTo("ai2");
        assertThat(jobs.get(0).get("prompt").asText()).isEqualTo("same");
        assertThat(jobs.get(0).get("state").asText()).isEqualTo("queued");
    }

    @Test
    void selectingA1WritesTheColumnAndTheAnalysisKeyAndAi2OnlyItsKey() {
        String id = reportWithVariants(true);
        JsonNode r = kit.ok("/api/select-image-variant", body("video_id", id, "mode", "ai1", "url", url(id, "b")));
        assertThat(r.get("event").asText()).isEqualTo("image-variant-selected");
        var stored = kit.stored(id);
        assertThat(stored.getValue()).isEqualTo(url(id, "b"));
        assertThat(stored.getKey().get("summary_image_selected_url").asText()).isEqualTo(url(id, "b"));
        assertThat(stored.getKey().get("summary_image_ai2_url").asText()).isEqualTo(url(id, "c"));
        JsonNode card = server.getJson("/api/reports/" + id);
        assertThat(card.get("summary_image_url").asText()).isEqualTo(url(id, "b"));
        assertThat(card.get("analysis").get("summary_image_ai2_url").asText()).isEqualTo(url(id, "c"));
    }

    @Test
    void aSelectionMustBeACurrentVariantOfThatModeOfThatReport() {
        String id = reportWithVariants(false);
        String other = reportWithVariants(false);
        String before = kit.snapshot(id);
        assertThat(kit.post("/api/select-image-variant", body("video_id", id, "mode", "ai2", "url", url(id, "a"))).statusCode()).isEqualTo(422);
        assertThat(kit.post("/api/select-image-variant", body("video_id", id, "mode", "ai1", "url", url(other, "a"))).statusCode()).isEqualTo(422);
        assertThat(kit.post("/api/select-image-variant", body("video_id", id, "mode", "ai1", "url", "https://evil.example/x.png")).statusCode()).isEqualTo(422);
        kit.ok("/api/delete-image-variant", body("video_id", id, "url", url(id, "b")));
        String afterDelete = kit.snapshot(id);
        assertThat(kit.post("/api/select-image-variant", body("video_id", id, "mode", "ai1", "url", url(id, "b"))).statusCode()).isEqualTo(422);
        assertThat(kit.snapshot(id)).isEqualTo(afterDelete);
        assertThat(before).isNotEqualTo(afterDelete);
    }

    @Test
    void theDisplayModeIsOgAi1Ai2OrNull() {
        String id = kit.report("display");
        for (String mode : new String[]{"og", "ai1", "ai2"}) {
            kit.ok("/api/set-image-display-mode", body("video_id", id, "mode", mode));
            assertThat(kit.analysis(id).get("summary_image_display_mode").asText()).isEqualTo(mode);
        }
        kit.ok("/api/set-image-display-mode", "{\"video_id\":\"" + id + "\",\"mode\":null}");
        assertThat(kit.analysis(id).has("summary_image_display_mode")).isFalse();
        assertThat(kit.post("/api/set-image-display-mode", body("video_id", id, "mode", "rotate")).statusCode()).isEqualTo(400);
    }

    @Test
    void deletingTheSelectedVariantSelectsTheNewestRemainingOneOfItsMode() {
        String id = reportWithVariants(true);
        kit.appendVariant(id, kit.variant(url(id, "d"), "ai1", T0.plusSeconds(30), true));
        JsonNode r = kit.ok("/api/delete-image-variant", body("video_id", id, "url", url(id, "a")));
        assertThat(r.get("replacement_url").asText()).isEqualTo(url(id, "b"));
        assertThat(kit.variantByUrl(id, url(id, "a")).get("deleted_at").asText()).isNotBlank();
        var stored = kit.stored(id);
        assertThat(stored.getValue()).isEqualTo(url(id, "b"));
        assertThat(stored.getKey().get("summary_image_selected_url").asText()).isEqualTo(url(id, "b"));
        assertThat(stored.getKey().get("summary_image_ai2_url").asText()).as("other mode untouched").isEqualTo(url(id, "c"));

        JsonNode unselected = kit.ok("/api/delete-image-variant", body("video_id", id, "url", url(id, "d")));
        assertThat(unselected.has("replacement_url")).isFalse();
        assertThat(kit.stored(id).getValue()).isEqualTo(url(id, "b"));

        JsonNode last = kit.ok("/api/delete-image-variant", body("video_id", id, "mode", "ai2", "url", url(id, "c")));
        assertThat(last.get("replacement_url").isNull()).isTrue();
        assertThat(kit.analysis(id).has("summary_image_ai2_url")).isFalse();
        assertThat(kit.post("/api/delete-image-variant", body("video_id", id, "url", url(id, "c"))).statusCode()).isEqualTo(409);
    }

    @Test
    void restoringUndoesADeleteAndReselectsWhenNothingElseIsSelected() {
        String id = reportWithVariants(true);
        kit.ok("/api/delete-image-variant", body("video_id", id, "url", url(id, "c")));
        JsonNode r = kit.ok("/api/restore-image-variant", body("video_id", id, "url", url(id, "c")));
        assertThat(r.get("selected").asBoolean()).isTrue();
        assertThat(kit.variantByUrl(id, url(id, "c")).has("deleted_at")).isFalse();
        assertThat(kit.analysis(id).get("summary_image_ai2_url").asText()).isEqualTo(url(id, "c"));
        kit.ok("/api/delete-image-variant", body("video_id", id, "url", url(id, "b")));
        assertThat(kit.ok("/api/restore-image-variant", body("video_id", id, "url", url(id, "b"))).get("selected").asBoolean()).isFalse();
        assertThat(kit.stored(id).getValue()).isEqualTo(url(id, "a"));
        assertThat(kit.post("/api/restore-image-variant", body("video_id", id, "url", url(id, "b"))).statusCode()).isEqualTo(409);
    }

    @Test
    void variantsAreAddressedByIdAndOlderOnesWithoutAnIdByUrl() {
        String withIds = reportWithVariants(true);
        String id = kit.variantByUrl(withIds, url(withIds, "b")).get("id").asText();
        kit.ok("/api/star-image-variant", body("video_id", withIds, "id", id, "starred", true));
        assertThat(kit.variantByUrl(withIds, url(withIds, "b")).get("starred").asBoolean()).isTrue();
        assertThat(kit.variantByUrl(withIds, url(withIds, "a")).has("starred")).isFalse();

        String legacy = reportWithVariants(false);
        kit.ok("/api/star-image-variant", body("video_id", legacy, "url", url(legacy, "c"), "starred", true));
        kit.ok("/api/star-image-variant", body("video_id", legacy, "url", url(legacy, "c"), "starred", false));
        assertThat(kit.variantByUrl(legacy, url(legacy, "c")).get("starred").asBoolean()).isFalse();
        assertThat(kit.post("/api/star-image-variant", body("video_id", legacy, "id", "nope", "starred", true)).statusCode()).isEqualTo(404);
    }

    @Test
    void deleteAllSoftDeletesEveryVariantOfTheGivenModesAndClearsTheirSelection() {
        String id = reportWithVariants(true);
        JsonNode r = kit.ok("/api/delete-all-ai-images", "{\"video_id\":\"" + id + "\",\"modes\":[\"ai1\"]}");
        assertThat(r.get("count").asInt()).isEqualTo(2);
        assertThat(kit.variantByUrl(id, url(id, "a")).has("deleted_at")).isTrue();
        assertThat(kit.variantByUrl(id, url(id, "b")).has("deleted_at")).isTrue();
        assertThat(kit.variantByUrl(id, url(id, "c")).has("deleted_at")).isFalse();
        var stored = kit.stored(id);
        assertThat(stored.getValue()).isEqualTo("null");
        assertThat(stored.getKey().has("summary_image_selected_url")).isFalse();
        assertThat(stored.getKey().get("summary_image_ai2_url").asText()).isEqualTo(url(id, "c"));
        kit.ok("/api/delete-all-ai-images", body("video_id", id));
        assertThat(kit.variantByUrl(id, url(id, "c")).has("deleted_at")).isTrue();
        assertThat(kit.analysis(id).get("summary_image_variants").size()).as("soft: history kept").isEqualTo(3);
    }

    @Test
    void aDocumentStoredAsAJsonStringIsPatchedWithoutLosingItsKeys() {
        String id = kit.report("legacy string");
        server.running.database().jdbi().useHandle(h -> h.execute(
                "UPDATE content SET analysis_json = to_jsonb(CAST(? AS text)) WHERE video_id = ?",
                "{\"category\":\"History\",\"summary_image_prompt_last_used\":\"old\"}", id));
        kit.ok("/api/set-image-prompt", body("video_id", id, "mode", "ai1", "prompt", "new"));
        JsonNode a = kit.analysis(id);
        assertThat(a.get("category").asText()).isEqualTo("History");
        assertThat(a.get("summary_image_prompt_last_used").asText()).isEqualTo("old");
        assertThat(a.get("summary_image_prompt").asText()).isEqualTo("new");
    }

    @Test
    void eachWriteAppendsItsEventInTheSameTransaction() {
        String id = reportWithVariants(true);
        JsonNode r = kit.ok("/api/star-image-variant", body("video_id", id, "url", url(id, "a"), "starred", true));
        var event = server.running.services().events().after(r.get("event_id").asLong() - 1, 1).get(0);
        assertThat(event.type()).isEqualTo("image-variant-starred");
        assertThat(event.videoId()).isEqualTo(id);
        assertThat(event.payload()).contains(url(id, "a")).contains("\"starred\": true");
    }

    @Test
    void variantsDeletedLongerAgoThanTheRetentionArePurgedWithTheirFiles() throws Exception {
        String id = kit.report("purge");
        var files = server.running.services().files();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        String old = files.save(dev.ytv2.files.MediaType.PNG, "t", png);
        String recent = files.save(dev.ytv2.files.MediaType.PNG, "t", png);
        kit.appendVariant(id, kit.variant(old, "ai2", T0, true));
        kit.appendVariant(id, kit.variant(recent, "ai2", T0.plusSeconds(5), true));
        kit.ok("/api/delete-image-variant", body("video_id", id, "url", old));
        kit.ok("/api/delete-image-variant", body("video_id", id, "url", recent));
        server.running.database().jdbi().useHandle(h -> h.execute("""
                UPDATE content SET analysis_json = jsonb_set(analysis_json, '{summary_image_variants,0,deleted_at}', to_jsonb(CAST(? AS text)))
                WHERE video_id = ?""", Instant.now().minus(31, ChronoUnit.DAYS).toString(), id));
        var purger = new VariantPurger(server.running.database().jdbi(), server.running.services().events(), files,
                server.running.services().images(), java.time.Duration.ofDays(30));
        assertThat(purger.purgeOnce()).isEqualTo(1);
        JsonNode variants = kit.analysis(id).get("summary_image_variants");
        assertThat(variants).hasSize(1);
        assertThat(variants.get(0).get("url").asText()).isEqualTo(recent);
        assertThat(files.resolve(old)).isEmpty();
        assertThat(files.resolve(recent)).isPresent();
        assertThat(purger.purgeOnce()).isZero();
    }
}
