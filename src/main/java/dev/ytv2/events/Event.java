package dev.ytv2.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * An event as it is appended to the log: one record per payload shape, each with the one
 * {@link EventType} it is sent as. {@link EventLog} writes a record's components as the payload's
 * keys in snake_case; a component left null is written as null unless marked to be left out, since
 * the browser tells some of those apart (`replacement_url`: none left, versus no selection touched).
 * Image modes are their wire strings here: the events package sits below the image code.
 */
public sealed interface Event {
    EventType type();

    /** The report the event is about, kept in `event_log.video_id`; null for an event about several. */
    String videoId();

    record ReportAdded(String videoId, @JsonInclude(JsonInclude.Include.NON_NULL) String title) implements Event {
        public EventType type() {
            return EventType.REPORT_ADDED;
        }
    }

    /** An ingest names the title; an audio upload names the audio. */
    record ReportUpdated(String videoId, @JsonInclude(JsonInclude.Include.NON_NULL) String title,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String audioUrl) implements Event {
        public EventType type() {
            return EventType.REPORT_UPDATED;
        }
    }

    record ReportDeleted(String videoId) implements Event {
        public EventType type() {
            return EventType.REPORT_DELETED;
        }
    }

    record PromptSet(String videoId, String mode) implements Event {
        public EventType type() {
            return EventType.IMAGE_PROMPT_SET;
        }
    }

    record JobQueued(String videoId, String mode, long jobId) implements Event {
        public EventType type() {
            return EventType.IMAGE_JOB_QUEUED;
        }
    }

    record JobStarted(String videoId, String mode, long jobId, int attempt) implements Event {
        public EventType type() {
            return EventType.IMAGE_JOB_STARTED;
        }
    }

    /** `retryAt` (an ISO instant) is null when the failure is final. */
    record JobFailed(String videoId, String mode, long jobId, String error, @JsonProperty("final") boolean finalFailure,
                     String retryAt) implements Event {
        public EventType type() {
            return EventType.IMAGE_JOB_FAILED;
        }
    }

    /** `variant` is the entry as stored in `summary_image_variants`; a finished render is always selected. */
    record VariantAdded(String videoId, String mode, long jobId, JsonNode variant) implements Event {
        public EventType type() {
            return EventType.IMAGE_VARIANT_ADDED;
        }

        @JsonProperty("selected")
        public boolean selected() {
            return true;
        }
    }

    record VariantSelected(String videoId, String mode, String url) implements Event {
        public EventType type() {
            return EventType.IMAGE_VARIANT_SELECTED;
        }
    }

    /** `mode` null: the card follows the global mode again. */
    record DisplayModeSet(String videoId, String mode) implements Event {
        public EventType type() {
            return EventType.IMAGE_DISPLAY_MODE_SET;
        }
    }

    /** A variant that was not selected went: no selection changed, so no `replacement_url`. */
    record VariantDeleted(String videoId, String url, String mode, @JsonInclude(JsonInclude.Include.NON_NULL) String id)
            implements Event {
        public EventType type() {
            return EventType.IMAGE_VARIANT_DELETED;
        }
    }

    /** The selected variant went; `replacementUrl` is selected in its place, null when none of its mode is left. */
    record SelectedVariantDeleted(String videoId, String url, String mode, @JsonInclude(JsonInclude.Include.NON_NULL) String id,
                                  String replacementUrl) implements Event {
        public EventType type() {
            return EventType.IMAGE_VARIANT_DELETED;
        }
    }

    /** Delete-all of some modes: their selections are cleared, so there is never a replacement. */
    @JsonPropertyOrder({"video_id", "all", "replacement_url", "modes", "urls", "count"})
    record AllVariantsDeleted(String videoId, List<String> modes, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> urls)
            implements Event {
        public EventType type() {
            return EventType.IMAGE_VARIANT_DELETED;
        }

        @JsonProperty("all")
        public boolean all() {
            return true;
        }

        @JsonProperty("replacement_url")
        public String replacementUrl() {
            return null;
        }

        @JsonProperty("count")
        public int count() {
            return urls.size();
        }
    }

    record VariantRestored(String videoId, String url, String mode, @JsonInclude(JsonInclude.Include.NON_NULL) String id,
                           boolean selected) implements Event {
        public EventType type() {
            return EventType.IMAGE_VARIANT_RESTORED;
        }
    }

    record VariantStarred(String videoId, String url, String mode, @JsonInclude(JsonInclude.Include.NON_NULL) String id,
                          boolean starred) implements Event {
        public EventType type() {
            return EventType.IMAGE_VARIANT_STARRED;
        }
    }

    @JsonPropertyOrder({"video_id", "count", "urls"})
    record ImagesPurged(String videoId, List<String> urls) implements Event {
        public EventType type() {
            return EventType.IMAGE_IMAGES_PURGED;
        }

        @JsonProperty("count")
        public int count() {
            return urls.size();
        }
    }

    /** Vectors of `model` were stored for these reports. */
    record EmbeddingsUpdated(String model, List<String> videoIds) implements Event {
        public EventType type() {
            return EventType.EMBEDDINGS_UPDATED;
        }

        public String videoId() {
            return null;
        }
    }

    record EmbedJobFailed(String videoId, long jobId, String error, @JsonProperty("final") boolean finalFailure) implements Event {
        public EventType type() {
            return EventType.EMBED_JOB_FAILED;
        }
    }
}
