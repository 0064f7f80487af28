package dev.ytv2.render;

import dev.ytv2.jobs.Job;
import dev.ytv2.render.backend.Backends;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The backends one job renders with: the worker's configured ones, unless the job names its own
 * (the demo's seeding names `builtin`, so a configured GPU server only gets what people ask for).
 * A named list is built once and kept, so its health answers are cached like the configured one's.
 */
final class JobBackends {
    private final Backends configured;
    private final Function<List<String>, Backends> byName;
    private final Map<String, Backends> named = new ConcurrentHashMap<>();

    JobBackends(Backends configured, Function<List<String>, Backends> byName) {
        this.configured = configured;
        this.byName = byName;
    }

    /** @throws IllegalArgumentException when the job names a backend nobody knows */
    Backends forJob(Job job) {
        String names = job.backends();
        if (names == null || names.isBlank()) return configured;
        return named.computeIfAbsent(names.strip().toLowerCase(java.util.Locale.ROOT),
                key -> byName.apply(List.of(key.split("\\s*,\\s*"))));
    }
}
