package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.render.builtin.BuiltinRenderer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured backends in their YTV2_IMAGE_BACKENDS order: a render goes to the first healthy
 * one, and on to the next when it fails. Health answers are kept for a short while so that a
 * busy queue does not ask a server how it is before every image.
 */
public final class Backends {
    public static final Duration HEALTH_CACHE = Duration.ofSeconds(30);

    private record Health(Instant checkedAt, Optional<String> problem) {
    }

    private final List<ImageBackend> order;
    private final Clock clock;
    private final Map<String, Health> health = new ConcurrentHashMap<>();

    public Backends(List<ImageBackend> order, Clock clock) {
        if (order.isEmpty()) throw new IllegalArgumentException("YTV2_IMAGE_BACKENDS names no backend");
        this.order = List.copyOf(order);
        this.clock = clock;
    }

    public static Backends fromConfig(List<String> names, RenderConfig config, ObjectMapper mapper) {
        List<ImageBackend> list = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase();
            if (name.isEmpty()) continue;
            list.add(switch (name) {
                case "builtin" -> new BuiltinBackend(new BuiltinRenderer());
                case "sdapi", "a1111", "forge", "drawthings" -> new SdApiBackend(config, mapper);
                case "comfyui", "comfy" -> new ComfyUiBackend(config, mapper);
                case "openai" -> new OpenAiBackend(config, mapper);
                default -> throw new IllegalArgumentException("YTV2_IMAGE_BACKENDS: unknown backend '" + raw
                        + "' (known: sdapi, comfyui, openai, builtin)");
            });
        }
        return new Backends(list, Clock.systemUTC());
    }

    public List<String> names() {
        return order.stream().map(ImageBackend::name).toList();
    }

    public RenderedImage render(ImageRequest request) throws BackendException, InterruptedException {
        List<String> problems = new ArrayList<>();
        for (ImageBackend b : order) {
            Optional<String> problem = problem(b);
            if (problem.isPresent()) {
                problems.add(problem.get() + " (skipped)");
                continue;
            }
            try {
                return b.render(request);
            } catch (BackendException e) {
                problems.add(e.getMessage());
                // Ask again before the next render: the failure may have been the server going away.
                health.remove(b.name());
            }
        }
        throw new BackendException(String.join("; ", problems));
    }

    /** Why this backend cannot take work now, from a recent check or a new one. */
    Optional<String> problem(ImageBackend b) throws InterruptedException {
        Instant now = clock.instant();
        Health h = health.get(b.name());
        if (h != null && h.checkedAt().plus(HEALTH_CACHE).isAfter(now)) return h.problem();
        Optional<String> problem;
        try {
            b.checkHealth();
            problem = Optional.empty();
        } catch (BackendException e) {
            problem = Optional.of(e.getMessage());
        }
        if (Thread.interrupted()) throw new InterruptedException();
        health.put(b.name(), new Health(now, problem));
        return problem;
    }
}
