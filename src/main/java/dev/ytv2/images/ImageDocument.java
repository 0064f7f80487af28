package dev.ytv2.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ImageSection;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of a report's image document: the image keys of `content.analysis_json`
 * ({@link ImageKeys}) and the `summary_image_url` column. Every statement that writes them is a
 * method here, run in the caller's transaction under its row lock, patching only the keys it names
 * in SQL (never a rewrite from a Java copy, so a concurrent writer's keys survive). ArchitectureTest
 * fails when such a statement appears anywhere else. As {@link ImageSection} it also takes the image
 * keys a sent report brings and shows them in the report shapes, for content, which cannot see images.
 */
public final class ImageDocument implements ImageSection {
    private static final String SOFT_DELETE = "v || jsonb_build_object('deleted_at', to_jsonb(now()))";
    private static final String RESTORE = "v - 'deleted_at'";
    private static final String STAR = "v || jsonb_build_object('starred', CAST(:starred AS boolean))";
    private static final String OF_MODES_NOT_DELETED = """
            (CASE WHEN lower(v ->> 'image_mode') = 'ai2' THEN 'ai2' ELSE 'ai1' END) = ANY(CAST(:modes AS text[]))
            AND coalesce(v ->> 'deleted_at', '') = ''""";
    /** A variant soft-deleted longer ago than :retentionSeconds; also what the purger looks for. */
    static final String EXPIRED = """
            coalesce(v ->> 'deleted_at', '') <> ''
            AND ytv2_try_timestamptz(v ->> 'deleted_at') < now() - make_interval(secs => :retentionSeconds)""";

    /** A person's prompt; the first one a mode gets is also kept as its `*_original`. */
    public void setPrompt(Handle h, String videoId, ImageMode mode, String prompt, boolean setOriginal) {
        h.createUpdate("""
                        UPDATE content SET updated_at = now(), analysis_json = ytv2_as_object(analysis_json)
                            || jsonb_build_object(CAST(:promptKey AS text), CAST(:prompt AS text))
                            || CASE WHEN :setOriginal THEN jsonb_build_object(CAST(:originalKey AS text), CAST(:prompt AS text))
                                    ELSE '{}'::jsonb END
                        WHERE video_id = :videoId""")
                .bind("promptKey", mode.promptKey()).bind("originalKey", mode.originalKey())
                .bind("prompt", prompt).bind("setOriginal", setOriginal).bind("videoId", videoId)
                .execute();
    }

    /** A prompt made for a new report: `*_original` too, unless the report already has one. */
    public void setAutoPrompt(Handle h, String videoId, ImageMode mode, String prompt) {
        h.createUpdate("""
                        UPDATE content SET analysis_json = jsonb_set(
                                jsonb_set(ytv2_as_object(analysis_json), ARRAY[CAST(:key AS text)], to_jsonb(CAST(:prompt AS text))),
                                ARRAY[CAST(:originalKey AS text)],
                                CASE WHEN coalesce(btrim(ytv2_as_object(analysis_json) ->> CAST(:originalKey AS text)), '') = ''
                                     THEN to_jsonb(CAST(:prompt AS text)) ELSE ytv2_as_object(analysis_json) -> CAST(:originalKey AS text) END)
                        WHERE video_id = :videoId""")
                .bind("key", mode.promptKey()).bind("originalKey", mode.originalKey()).bind("prompt", prompt)
                .bind("videoId", videoId)
                .execute();
    }

    /**
     * A finished render: the variant is appended with jsonb `||`, `*_last_used` becomes the rendered
     * prompt, `*_original` is filled in where empty, and the new image is selected.
     */
    public void addRendered(Handle h, String videoId, ImageMode mode, ObjectNode variant, String prompt, String url) {
        h.createUpdate("""
                        UPDATE content SET
                            analysis_json = ytv2_as_object(analysis_json)
                                || jsonb_build_object(
                                    'summary_image_variants', ytv2_variants(analysis_json) || jsonb_build_array(CAST(:variant AS jsonb)),
                                    CAST(:lastUsedKey AS text), CAST(:prompt AS text),
                                    CAST(:selectedKey AS text), CAST(:url AS text))
                                || CASE WHEN coalesce(btrim(ytv2_as_object(analysis_json) ->> CAST(:originalKey AS text)), '') = ''
                                        THEN jsonb_build_object(CAST(:originalKey AS text), CAST(:prompt AS text))
                                        ELSE '{}'::jsonb END,
                            summary_image_url = CASE WHEN :mirrorColumn THEN :url ELSE summary_image_url END,
                            updated_at = now()
                        WHERE video_id = :videoId""")
                .bind("variant", variant.toString())
                .bind("lastUsedKey", mode.lastUsedKey()).bind("originalKey", mode.originalKey())
                .bind("selectedKey", mode.selectedKey())
                .bind("prompt", prompt).bind("url", url).bind("mirrorColumn", mode == ImageMode.AI1).bind("videoId", videoId)
                .execute();
    }

    /** Selects `url` for a mode, or clears the selection; A1 keeps the column and the analysis key in step. */
    void select(Handle h, String videoId, ImageMode mode, Optional<String> url) {
        h.createUpdate("""
                        UPDATE content SET updated_at = now(),
                            summary_image_url = CASE WHEN :mirrorColumn THEN CAST(:url AS text) ELSE summary_image_url END,
                            analysis_json = CASE
                                WHEN CAST(:url AS text) IS NULL THEN ytv2_as_object(analysis_json) - CAST(:key AS text)
                                ELSE ytv2_as_object(analysis_json) || jsonb_build_object(CAST(:key AS text), CAST(:url AS text)) END
                        WHERE video_id = :videoId""")
                .bind("mirrorColumn", mode == ImageMode.AI1).bind("url", url.orElse(null))
                .bind("key", mode.selectedKey()).bind("videoId", videoId)
                .execute();
    }

    /** `mode` empty clears the card's own preference (the card then follows the global mode). */
    void setDisplayMode(Handle h, String videoId, Optional<String> mode) {
        h.createUpdate("""
                        UPDATE content SET updated_at = now(), analysis_json = CASE
                            WHEN CAST(:mode AS text) IS NULL THEN ytv2_as_object(analysis_json) - CAST(:key AS text)
                            ELSE ytv2_as_object(analysis_json) || jsonb_build_object(CAST(:key AS text), CAST(:mode AS text)) END
                        WHERE video_id = :videoId""")
                .bind("mode", mode.orElse(null)).bind("key", ImageKeys.DISPLAY_MODE).bind("videoId", videoId)
                .execute();
    }

    void softDelete(Handle h, String videoId, VariantRef ref) {
        rewriteVariants(h, videoId, VariantRef.SQL_MATCH, SOFT_DELETE, refBinds(ref));
    }

    void restore(Handle h, String videoId, VariantRef ref) {
        rewriteVariants(h, videoId, VariantRef.SQL_MATCH, RESTORE, refBinds(ref));
    }

    void star(Handle h, String videoId, VariantRef ref, boolean starred) {
        Map<String, Object> binds = refBinds(ref);
        binds.put("starred", starred);
        rewriteVariants(h, videoId, VariantRef.SQL_MATCH, STAR, binds);
    }

    /** Soft-deletes every variant of the given modes that is not deleted yet. */
    void softDeleteAll(Handle h, String videoId, Set<ImageMode> modes) {
        rewriteVariants(h, videoId, OF_MODES_NOT_DELETED, SOFT_DELETE,
                Map.of("modes", modes.stream().map(ImageMode::wire).toArray(String[]::new)));
    }

    /** Drops the variants soft-deleted longer ago than `retention` (their files are the caller's). */
    void removeExpired(Handle h, String videoId, Duration retention) {
        h.createUpdate("""
                        UPDATE content SET updated_at = now(),
                            analysis_json = jsonb_set(ytv2_as_object(analysis_json), '{summary_image_variants}', (
                                SELECT coalesce(jsonb_agg(v ORDER BY i), '[]'::jsonb)
                                FROM jsonb_array_elements(ytv2_variants(analysis_json)) WITH ORDINALITY AS e(v, i)
                                WHERE NOT (%s)))
                        WHERE video_id = :videoId""".formatted(EXPIRED))
                .bind("videoId", videoId).bind("retentionSeconds", retention.toSeconds()).execute();
    }

    /**
     * Rewrites the matching elements of the variants array with `transform` (both SQL over the
     * element `v`), from the row as it is under the lock, so a variant a worker appends meanwhile is
     * never lost.
     */
    private static void rewriteVariants(Handle h, String videoId, String match, String transform, Map<String, ?> binds) {
        h.createUpdate("""
                        UPDATE content SET updated_at = now(),
                            analysis_json = jsonb_set(ytv2_as_object(analysis_json), '{summary_image_variants}', (
                                SELECT coalesce(jsonb_agg(CASE WHEN %s THEN %s ELSE v END ORDER BY i), '[]'::jsonb)
                                FROM jsonb_array_elements(ytv2_variants(analysis_json)) WITH ORDINALITY AS e(v, i)))
                        WHERE video_id = :videoId""".formatted(match, transform))
                .bindMap(binds).bind("videoId", videoId)
                .execute();
    }

    private static Map<String, Object> refBinds(VariantRef ref) {
        Map<String, Object> binds = new HashMap<>();
        binds.put("refId", ref.id().orElse(null));
        binds.put("refUrl", ref.url().orElse(null));
        return binds;
    }

    @Override
    public List<String> keys() {
        return ImageKeys.ALL;
    }

    @Override
    public List<String> promptKeys() {
        return List.of(ImageKeys.PROMPT, ImageKeys.PROMPT_LAST_USED, ImageKeys.PROMPT_ORIGINAL,
                ImageKeys.AI2_PROMPT, ImageKeys.AI2_PROMPT_LAST_USED, ImageKeys.AI2_PROMPT_ORIGINAL);
    }

    @Override
    public void adopt(Handle h, String videoId, ObjectNode sentImageKeys) {
        if (sentImageKeys.isEmpty()) return;
        h.createUpdate("""
                        UPDATE content SET analysis_json = ytv2_merge_keeping(ytv2_as_object(analysis_json),
                            CAST(:sent AS jsonb), CAST(:imageKeys AS text[]))
                        WHERE video_id = :videoId""")
                .bind("sent", sentImageKeys.toString()).bind("imageKeys", ImageKeys.ALL.toArray(String[]::new))
                .bind("videoId", videoId)
                .execute();
    }

    @Override
    public String summaryImageUrl(ObjectNode analysis, String column) {
        if (column != null && !column.isBlank()) return column;
        JsonNode v = analysis.get(ImageKeys.SELECTED_URL);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public void show(ObjectNode analysis, String column, boolean compact, ObjectNode into) {
        for (String key : ImageKeys.ALL) {
            if (key.equals(ImageKeys.VARIANTS)) continue;
            into.set(key, analysis.has(key) ? analysis.get(key) : into.nullNode());
        }
        if (into.get(ImageKeys.SELECTED_URL).isNull() && column != null) into.put(ImageKeys.SELECTED_URL, column);
        ArrayNode variants = into.putArray(ImageKeys.VARIANTS);
        JsonNode stored = analysis.get(ImageKeys.VARIANTS);
        if (stored == null || !stored.isArray()) return;
        for (JsonNode v : stored) {
            if (!v.isObject()) continue;
            if (!compact) {
                variants.add(v);
                continue;
            }
            ObjectNode c = variants.addObject();
            for (String key : ImageKeys.COMPACT_VARIANT_KEYS) c.set(key, v.has(key) ? v.get(key) : c.nullNode());
            if (c.get("image_mode").isNull()) c.put("image_mode", ImageMode.AI1.wire());
            if (c.get("starred").isNull()) c.put("starred", false);
        }
    }
}
