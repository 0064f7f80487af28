package dev.ytv2.render;

import dev.ytv2.render.backend.BackendException;
import dev.ytv2.render.backend.BuiltinBackend;
import dev.ytv2.render.backend.ImageBackend;
import dev.ytv2.render.backend.ImageRequest;
import dev.ytv2.render.backend.RenderedImage;
import dev.ytv2.render.builtin.BuiltinRenderer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A backend for queue tests: records each prompt, can fail, can hold a render until released.
 * Made with {@link #around}, it renders through a real backend (and under its name) once let through.
 */
public final class ScriptedBackend implements ImageBackend {
    private final BuiltinRenderer renderer = new BuiltinRenderer();
    private final ImageBackend inner;
    public final List<String> prompts = new CopyOnWriteArrayList<>();
    public volatile String failure;
    public volatile CountDownLatch hold;
    volatile long sleepMillis;

    ScriptedBackend() {
        this(null);
    }

    private ScriptedBackend(ImageBackend inner) {
        this.inner = inner;
    }

    /** The builtin renderer behind the same gate: its images, its name and model on each variant. */
    public static ScriptedBackend aroundBuiltin() {
        return new ScriptedBackend(new BuiltinBackend(new BuiltinRenderer()));
    }

    @Override
    public String name() {
        return inner == null ? "scripted" : inner.name();
    }

    @Override
    public void checkHealth() {
    }

    @Override
    public RenderedImage render(ImageRequest r) throws BackendException, InterruptedException {
        prompts.add(r.prompt());
        CountDownLatch h = hold;
        if (h != null) h.await();
        if (sleepMillis > 0) Thread.sleep(sleepMillis);
        if (failure != null) throw new BackendException(name(), failure);
        if (inner != null) return inner.render(r);
        return new RenderedImage(renderer.renderPng(r.prompt(), r.seed(), 32, 18), name(), "scripted-1", r.seed(), 32, 18);
    }
}
