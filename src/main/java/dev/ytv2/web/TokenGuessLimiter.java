package dev.ytv2.web;

import dev.ytv2.http.ApiError;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong tokens per client address, in a fixed window: past the limit the address is refused every
 * token, right or wrong, until its window ends (a right token answered differently would still
 * tell a guesser when it hit). A success does not reset the count, so knowing one token does not
 * buy more guesses at another.
 */
public final class TokenGuessLimiter {
    private record Window(long startSecond, int failures) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final long windowSeconds;

    public TokenGuessLimiter(Clock clock, int maxFailures, long windowSeconds) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowSeconds = windowSeconds;
    }

    /** Refuses with a 429 while `client` is over the limit. */
    public void check(String client) {
        Window w = windows.get(client);
        if (w == null || expired(w) || w.failures() < maxFailures) return;
        long wait = Math.max(1, w.startSecond() + windowSeconds - clock.instant().getEpochSecond());
        throw new ApiError(429, "too_many_attempts", "Too many wrong tokens from this address; wait " + wait + " s and try again.")
                .withHeader("Retry-After", Long.toString(wait));
    }

    public void failed(String client) {
        long now = clock.instant().getEpochSecond();
        windows.compute(client, (k, w) -> w == null || expired(w) ? new Window(now, 1) : new Window(w.startSecond(), w.failures() + 1));
        if (windows.size() > 10_000) windows.values().removeIf(this::expired);
    }

    private boolean expired(Window w) {
        return clock.instant().getEpochSecond() - w.startSecond() >= windowSeconds;
    }
}
