package dev.ytv2.images;

import org.jdbi.v3.core.Handle;

/**
 * What setting a prompt asks of the render worker: a render of that prompt, queued in the same
 * transaction. Implemented by render.RenderRequests and wired in app.Wiring, so images never
 * depends on render (render depends on images for the document it writes).
 */
public interface PromptRenders {
    void requested(Handle h, String videoId, ImageMode mode, String prompt);
}
