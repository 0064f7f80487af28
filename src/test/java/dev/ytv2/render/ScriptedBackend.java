package dev.ytv2.render;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A backend for queue tests: records each prompt, can fail, can hold a render until released. */
final class ScriptedBackend implements ImageBackend {
    private final BuiltinRenderer renderer = new BuiltinRenderer();
    final List<String> prompts = new CopyOnWriteArrayList<>();
    volatile String failure;
    volatile CountDownLatch hold;
    volatile long sleepMillis;

    @Override
    public String name() {
        return "scripted";
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
        return new RenderedImage(renderer.renderPng(r.prompt(), r.seed(), 32, 18), name(), "scripted-1", r.seed(), 32, 18);
    }
}
