package dev.ytv2.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ReportStore;
import dev.ytv2.errors.Refusal;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report's image state read under `SELECT ... FOR UPDATE`. While the lock is held this copy is
 * current, so validating against it is safe; writes still patch single keys in SQL.
 */
record LockedItem(String videoId, ObjectNode analysis, Optional<String> summaryImageUrl, List<Variant> variants) {

    static LockedItem lock(Handle h, ObjectMapper mapper, String id) {
        String videoId = ReportStore.resolve(h, id).orElseThrow(() -> Refusal.notFound("No report with id '" + id + "'."));
        return h.createQuery("""
                        SELECT video_id, ytv2_as_object(analysis_json)::text, summary_image_url
                        FROM content WHERE video_id = :videoId FOR UPDATE""")
                .bind("videoId", videoId)
                .map((rs, ctx) -> of(mapper, rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne()
                .orElseThrow(() -> Refusal.notFound("No report with id '" + id + "'."));
    }

    private static LockedItem of(ObjectMapper mapper, String videoId, String analysisJson, String summaryImageUrl) {
        ObjectNode analysis;
        try {
            analysis = (ObjectNode) mapper.readTree(analysisJson);
        } catch (Exception e) {
            analysis = mapper.createObjectNode();
        }
        List<Variant> variants = new ArrayList<>();
        JsonNode stored = analysis.path(ImageKeys.VARIANTS);
        for (int i = 0; i < stored.size(); i++) Variant.of(i, stored.get(i)).ifPresent(variants::add);
        return new LockedItem(videoId, analysis, Optional.ofNullable(summaryImageUrl), List.copyOf(variants));
    }

    Variant find(VariantRef ref) {
        return variants.stream().filter(ref::matches).findFirst()
                .orElseThrow(() -> Refusal.notFound("Report '" + videoId + "' has no image variant with " + ref.describe() + "."));
    }

    Optional<String> selected(ImageMode mode) {
        JsonNode v = analysis.get(mode.selectedKey());
        if (v != null && v.isTextual() && !v.asText().isBlank()) return Optional.of(v.asText());
        return mode == ImageMode.AI1 ? summaryImageUrl.filter(s -> !s.isBlank()) : Optional.empty();
    }

    boolean isSelected(Variant v) {
        if (v.mode() == ImageMode.AI1 && summaryImageUrl.map(v.url()::equals).orElse(false)) return true;
        return selected(v.mode()).map(v.url()::equals).orElse(false);
    }

    /** The newest variant of a mode that is not deleted, leaving out the one being deleted. */
    Optional<Variant> newestRemaining(ImageMode mode, Variant except) {
        Variant best = null;
        for (Variant v : variants) {
            if (v.mode() != mode || v.deleted() || v.url().equals(except.url())) continue;
            if (best == null || v.newerThan(best)) best = v;
        }
        return Optional.ofNullable(best);
    }

    String text(String key) {
        JsonNode v = analysis.get(key);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
