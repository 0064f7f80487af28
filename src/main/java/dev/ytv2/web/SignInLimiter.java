package dev.ytv2.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/** Failed sign-ins per client address in a sliding window; past the limit the address waits. */
final class SignInLimiter {
    private record Window(long startSecond, int failures) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final long windowSeconds;

    SignInLimiter(Clock clock, int maxFailures, long windowSeconds) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowSeconds = windowSeconds;
    }

    boolean blocked(String client) {
        Window w = windows.get(client);
        return w != null && !expired(w) && w.failures() >= maxFailures;
    }

    void failed(String client) {
        long now = clock.instant().getEpochSecond();
        windows.compute(client, (k, w) -> w == null || expired(w) ? new Window(now, 1) : new Window(w.startSecond(), w.failures() + 1));
        if (windows.size() > 10_000) windows.values().removeIf(this::expired);
    }

    void succeeded(String client) {
        windows.remove(client);
    }

    private boolean expired(Window w) {
        return clock.instant().getEpochSecond() - w.startSecond() >= windowSeconds;
    }
}
