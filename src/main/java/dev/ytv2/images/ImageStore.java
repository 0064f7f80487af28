package dev.ytv2.images;

import dev.ytv2.render.RenderRequests;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.content.ImageFields;
import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.errors.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * Prompt, selection and display-mode writes on `content`. Each is one transaction: lock the row,
 * validate against the locked (hence current) state, patch only the keys it owns in SQL, append
 * the event. `*_last_used` belongs to the render worker and is never written here.
 */
public final class ImageStore {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final EventLog events;
    private final RenderRequests renders;

    public ImageStore(Jdbi jdbi, ObjectMapper mapper, EventLog events, RenderRequests renders) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.events = events;
        this.renders = renders;
    }

    public ImageChange setPrompt(String id, ImageMode mode, String prompt) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            boolean firstPrompt = item.text(mode.originalKey()).isBlank();
            h.createUpdate("""
                            UPDATE content SET updated_at = now(), analysis_json = ytv2_as_object(analysis_json)
                                || jsonb_build_object(CAST(:promptKey AS text), CAST(:prompt AS text))
                                || CASE WHEN :setOriginal THEN jsonb_build_object(CAST(:originalKey AS text), CAST(:prompt AS text))
                                        ELSE '{}'::jsonb END
                            WHERE video_id = :videoId""")
                    .bind("promptKey", mode.promptKey()).bind("originalKey", mode.originalKey())
                    .bind("prompt", prompt).bind("setOriginal", firstPrompt).bind("videoId", item.videoId())
                    .execute();
            renders.request(h, item.videoId(), mode.wire(), prompt);
            return append(h, new Event.PromptSet(item.videoId(), mode.wire()));
        });
    }

    public ImageChange select(String id, ImageMode mode, String url) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            boolean valid = item.variants().stream().anyMatch(v -> v.url().equals(url) && v.mode() == mode && !v.deleted());
            if (!valid) {
                throw Refusal.unprocessable("unknown_variant", "'" + url + "' is not a current " + mode.wire()
                        + " image variant of report '" + item.videoId() + "'.");
            }
            setSelection(h, item.videoId(), mode, Optional.of(url));
            return append(h, new Event.VariantSelected(item.videoId(), mode.wire(), url));
        });
    }

    /** `mode` empty clears the card's own preference (the card then follows the global mode). */
    public ImageChange setDisplayMode(String id, Optional<String> mode) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            h.createUpdate("""
                            UPDATE content SET updated_at = now(), analysis_json = CASE
                                WHEN CAST(:mode AS text) IS NULL THEN ytv2_as_object(analysis_json) - CAST(:key AS text)
                                ELSE ytv2_as_object(analysis_json) || jsonb_build_object(CAST(:key AS text), CAST(:mode AS text)) END
                            WHERE video_id = :videoId""")
                    .bind("mode", mode.orElse(null)).bind("key", ImageFields.DISPLAY_MODE).bind("videoId", item.videoId())
                    .execute();
            return append(h, new Event.DisplayModeSet(item.videoId(), mode.orElse(null)));
        });
    }

    /** Selects `url` for a mode, or clears the selection; A1 keeps the column and the analysis key in step. */
    static void setSelection(Handle h, String videoId, ImageMode mode, Optional<String> url) {
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

    private ImageChange append(Handle h, Event event) {
        return new ImageChange(event.type().wire(), events.append(h, event), events.json(event));
    }
}
