package dev.ytv2.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.errors.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * Prompt, selection and display-mode changes on a report. Each is one transaction: lock the row,
 * validate against the locked (hence current) state, write through {@link ImageDocument}, append
 * the event. `*_last_used` belongs to the render worker and is never written here.
 */
public final class ImageStore {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final EventLog events;
    private final ImageDocument document;
    private final PromptRenders renders;

    public ImageStore(Jdbi jdbi, ObjectMapper mapper, EventLog events, ImageDocument document, PromptRenders renders) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.events = events;
        this.document = document;
        this.renders = renders;
    }

    public ImageChange setPrompt(String id, ImageMode mode, String prompt) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            boolean firstPrompt = item.text(mode.originalKey()).isBlank();
            document.setPrompt(h, item.videoId(), mode, prompt, firstPrompt);
            renders.requested(h, item.videoId(), mode, prompt);
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
            document.select(h, item.videoId(), mode, Optional.of(url));
            return append(h, new Event.VariantSelected(item.videoId(), mode.wire(), url));
        });
    }

    /** `mode` empty clears the card's own preference (the card then follows the global mode). */
    public ImageChange setDisplayMode(String id, Optional<String> mode) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            document.setDisplayMode(h, item.videoId(), mode);
            return append(h, new Event.DisplayModeSet(item.videoId(), mode.orElse(null)));
        });
    }

    private ImageChange append(Handle h, Event event) {
        return new ImageChange(event.type().wire(), events.append(h, event), events.json(event));
    }
}
