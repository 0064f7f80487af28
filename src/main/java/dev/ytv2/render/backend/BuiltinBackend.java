package dev.ytv2.render.backend;

import dev.ytv2.render.builtin.BuiltinRenderer;

/** The offline renderer as a backend: always healthy, and the seed we pass is the seed it used. */
public final class BuiltinBackend implements ImageBackend {
    private final BuiltinRenderer renderer;

    public BuiltinBackend(BuiltinRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public void checkHealth() {
    }

    @Override
    public RenderedImage render(ImageRequest r) throws BackendException {
        try {
            byte[] png = renderer.renderPng(r.prompt(), r.seed(), r.width(), r.height());
            return new RenderedImage(png, name(), "builtin-prompt-v2", r.seed(), r.width(), r.height());
        } catch (IllegalArgumentException e) {
            throw new BackendException(name(), e.getMessage());
        }
    }
}
