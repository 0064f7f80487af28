package dev.ytv2.content;

import org.jdbi.v3.core.Handle;

/**
 * Called inside the ingest transaction for a report that did not exist before. The render worker
 * uses it to give new items prompts (and so images) when YTV2_AUTO_IMAGES is on.
 */
public interface NewReportHook {
    NewReportHook NONE = (h, videoId) -> { };

    void created(Handle h, String videoId);
}
