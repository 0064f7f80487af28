package dev.ytv2.semantic;

import java.util.Locale;

/**
 * Where one request's time went, phase by phase, sent as a `Server-Timing` header: browsers' network
 * panels show it, and `bench semantic` adds it up into its breakdown. One per request.
 */
final class ServerTiming {
    private final StringBuilder header = new StringBuilder();
    private long last = System.nanoTime();

    /** The time since the last lap (or since this was made), under `name`. */
    void lap(String name) {
        long now = System.nanoTime();
        if (header.length() > 0) header.append(", ");
        header.append(name).append(";dur=").append(String.format(Locale.ROOT, "%.2f", (now - last) / 1e6));
        last = now;
    }

    String header() {
        return header.toString();
    }
}
