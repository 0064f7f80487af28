package dev.ytv2.render.backend;

/**
 * One image generator (a local Stable Diffusion server, ComfyUI, an OpenAI-compatible API, or the
 * builtin renderer). Implementations are thread-safe; {@link Backends} chooses among them.
 */
public interface ImageBackend {

    /** The name used in YTV2_IMAGE_BACKENDS and recorded on each variant. */
    String name();

    /** Throws {@link BackendException} with the reason when the backend cannot take work now. */
    void checkHealth() throws BackendException;

    RenderedImage render(ImageRequest request) throws BackendException, InterruptedException;
}
