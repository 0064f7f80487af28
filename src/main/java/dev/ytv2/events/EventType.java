package dev.ytv2.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type the stream sends, by its wire name (the SSE `event:` field and `event_log.type`)
 * and its group, which says what the browser does with it. The browser's copy is
 * `web/static/event-types.js`; `EventTypesTest` fails when the two differ.
 */
public enum EventType {
    REPORT_ADDED("report-added", Group.REPORT),
    REPORT_UPDATED("report-updated", Group.REPORT),
    REPORT_DELETED("report-deleted", Group.REPORT),
    IMAGE_PROMPT_SET("image-prompt-set", Group.RENDER),
    IMAGE_JOB_QUEUED("image-job-queued", Group.RENDER),
    IMAGE_JOB_STARTED("image-job-started", Group.RENDER),
    IMAGE_JOB_FAILED("image-job-failed", Group.RENDER),
    IMAGE_VARIANT_ADDED("image-variant-added", Group.IMAGE),
    IMAGE_VARIANT_SELECTED("image-variant-selected", Group.IMAGE),
    IMAGE_VARIANT_DELETED("image-variant-deleted", Group.IMAGE),
    IMAGE_VARIANT_RESTORED("image-variant-restored", Group.IMAGE),
    IMAGE_VARIANT_STARRED("image-variant-starred", Group.IMAGE),
    IMAGE_DISPLAY_MODE_SET("image-display-mode-set", Group.IMAGE),
    IMAGE_IMAGES_PURGED("image-images-purged", Group.IMAGE),
    EMBEDDINGS_UPDATED("embeddings-updated", Group.SEMANTIC),
    EMBED_JOB_FAILED("embed-job-failed", Group.SEMANTIC),
    /** Sent by the hub itself, never logged: the client must reload, its position is out of the log's reach. */
    RESYNC("resync", Group.STREAM);

    /** What an event is about, which decides how a page reacts to it. */
    public enum Group {
        /** A report came, changed or went. */
        REPORT("report"),
        /** A prompt or a render job moved on; no image on the card changed yet. */
        RENDER("render"),
        /** The images a card has or shows changed: the card is patched in place. */
        IMAGE("image"),
        /** Embeddings, for the semantic index; pages ignore them. */
        SEMANTIC("semantic"),
        /** About the stream itself rather than the library. */
        STREAM("stream");

        private final String wire;

        Group(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final String wire;
    private final Group group;

    EventType(String wire, Group group) {
        this.wire = wire;
        this.group = group;
    }

    public String wire() {
        return wire;
    }

    public Group group() {
        return group;
    }

    public static Optional<EventType> ofWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
