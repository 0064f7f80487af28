package dev.ytv2.render.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The render worker's settings (all YTV2_ environment variables; README lists them with defaults). */
public record RenderConfig(
        int width,
        int height,
        int steps,
        String negativePrompt,
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        Duration lease,
        Duration sweepEvery,
        int concurrency,
        Duration builtinPace,
        String sdapiUrl,
        Optional<String> sdapiAuth,
        String sdapiSampler,
        double sdapiCfgScale,
        Optional<String> sdapiModel,
        String comfyuiUrl,
        Optional<Path> comfyuiWorkflow,
        Optional<String> comfyuiCheckpoint,
        String openaiUrl,
        Optional<String> openaiKey,
        String openaiModel,
        Optional<String> openaiSize) {

    public static RenderConfig defaults() {
        return fromEnv(Map.of());
    }

    public static RenderConfig fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        return new RenderConfig(
                e.integer("YTV2_IMAGE_WIDTH", 1024, 64, 4096),
                e.integer("YTV2_IMAGE_HEIGHT", 576, 64, 4096),
                e.integer("YTV2_IMAGE_STEPS", 25, 1, 200),
                e.text("YTV2_IMAGE_NEGATIVE_PROMPT").orElse("text, letters, watermark, signature, logo, blurry, lowres, deformed"),
                e.seconds("YTV2_IMAGE_TIMEOUT_SECONDS", 180),
                e.integer("YTV2_RENDER_MAX_ATTEMPTS", 3, 1, 100),
                e.seconds("YTV2_RENDER_BACKOFF_SECONDS", 15),
                e.seconds("YTV2_RENDER_LEASE_SECONDS", 60),
                e.seconds("YTV2_RENDER_SWEEP_SECONDS", 5),
                e.integer("YTV2_RENDER_CONCURRENCY", 1, 1, 64),
                e.secondsOrZero("YTV2_BUILTIN_PACE_SECONDS", 0),
                e.url("YTV2_SDAPI_URL", "http://127.0.0.1:7860"),
                e.text("YTV2_SDAPI_AUTH"),
                e.text("YTV2_SDAPI_SAMPLER").orElse("Euler a"),
                e.decimal("YTV2_SDAPI_CFG_SCALE", 7.0),
                e.text("YTV2_SDAPI_MODEL"),
                e.url("YTV2_COMFYUI_URL", "http://127.0.0.1:8188"),
                e.text("YTV2_COMFYUI_WORKFLOW").map(Path::of),
                e.text("YTV2_COMFYUI_CHECKPOINT"),
                e.url("YTV2_OPENAI_URL", "https://api.openai.com"),
                e.text("YTV2_OPENAI_API_KEY"),
                e.text("YTV2_OPENAI_MODEL").orElse("gpt-image-1"),
                e.text("YTV2_OPENAI_SIZE"));
    }

    public RenderConfig withBuiltinPace(Duration pace) {
        return new RenderConfig(width, height, steps, negativePrompt, timeout, maxAttempts, backoff, lease, sweepEvery,
                concurrency, pace, sdapiUrl, sdapiAuth, sdapiSampler, sdapiCfgScale, sdapiModel, comfyuiUrl, comfyuiWorkflow,
                comfyuiCheckpoint, openaiUrl, openaiKey, openaiModel, openaiSize);
    }

    /** Reads and checks YTV2_ settings; shared with the other workers' settings. */
    public record Env(Map<String, String> env) {
        public Optional<String> text(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        }

        public String url(String name, String fallback) {
            String v = text(name).orElse(fallback);
            return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        }

        public double decimal(String name, double fallback) {
            try {
                return text(name).map(Double::parseDouble).orElse(fallback);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(name + " must be a number, got '" + env.get(name) + "'");
            }
        }

        public int integer(String name, int fallback, int min, int max) {
            double v = decimal(name, fallback);
            if (v != Math.rint(v) || v < min || v > max) {
                throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '" + env.get(name) + "'");
            }
            return (int) v;
        }

        public Duration secondsOrZero(String name, double fallback) {
            double v = decimal(name, fallback);
            if (v < 0 || v > 600) throw new IllegalArgumentException(name + " must be a number of seconds from 0 to 600, got '" + env.get(name) + "'");
            return Duration.ofMillis(Math.round(v * 1000));
        }

        /** Fractions are allowed (tests use short backoffs and leases). */
        public Duration seconds(String name, double fallback) {
            double v = decimal(name, fallback);
            if (v <= 0 || v > 86_400) throw new IllegalArgumentException(name + " must be a number of seconds above 0, got '" + env.get(name) + "'");
            return Duration.ofMillis(Math.round(v * 1000));
        }
    }
}
