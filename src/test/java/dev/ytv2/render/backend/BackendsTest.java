package dev.ytv2.render.backend;

import dev.ytv2.http.Json;
import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class BackendsTest {
    static final ImageRequest REQUEST = new ImageRequest("p", "", 7, 64, 36, 10);

    /** A backend whose health and answers the test sets. */
    static final class Stub implements ImageBackend {
        final String name;
        volatile String healthProblem;
        volatile String renderProblem;
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger renders = new AtomicInteger();

        Stub(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void checkHealth() throws BackendException {
            checks.incrementAndGet();
            if (healthProblem != null) throw new BackendException(name, healthProblem);
        }

        @Override
        public RenderedImage render(ImageRequest r) throws BackendException {
            renders.incrementAndGet();
            if (renderProblem != null) throw new BackendException(name, renderProblem);
            return new RenderedImage(new byte[] {1}, name, name + "-model", r.seed(), r.width(), r.height());
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-11-24T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theFirstHealthyBackendRendersAndAnUnhealthyOneIsSkipped() throws Exception {
        Stub gpu = new Stub("sdapi");
        Stub builtin = new Stub("builtin");
        gpu.healthProblem = "cannot connect to http://gpu:7860";
        RenderedImage image = new Backends(List.of(gpu, builtin), new MovableClock()).render(REQUEST);
        assertThat(image.backend()).isEqualTo("builtin");
        assertThat(gpu.renders.get()).isZero();
    }

    @Test
    void healthAnswersAreKeptForThirtySeconds() throws Exception {
        Stub gpu = new Stub("sdapi");
        MovableClock clock = new MovableClock();
        Backends backends = new Backends(List.of(gpu), clock);
        for (int i = 0; i < 5; i++) backends.render(REQUEST);
        assertThat(gpu.checks.get()).isEqualTo(1);
        clock.now = clock.now.plus(Backends.HEALTH_CACHE).plus(Duration.ofSeconds(1));
        backends.render(REQUEST);
        assertThat(gpu.checks.get()).isEqualTo(2);
    }

    @Test
    void aFailedRenderFallsThroughToTheNextAndHealthIsAskedAgainNextTime() throws Exception {
        Stub gpu = new Stub("sdapi");
        Stub builtin = new Stub("builtin");
        gpu.renderProblem = "HTTP 500 from POST /sdapi/v1/txt2img";
        Backends backends = new Backends(List.of(gpu, builtin), new MovableClock());
        assertThat(backends.render(REQUEST).backend()).isEqualTo("builtin");
        backends.render(REQUEST);
        assertThat(gpu.checks.get()).isEqualTo(2);
    }

    @Test
    void whenNoneCanRenderTheErrorNamesEachBackendAndItsReason() {
        Stub gpu = new Stub("sdapi");
        Stub cloud = new Stub("openai");
        gpu.healthProblem = "cannot connect to http://gpu:7860";
        cloud.renderProblem = "HTTP 400 from POST /v1/images/generations: safety system";
        assertThatThrownBy(() -> new Backends(List.of(gpu, cloud), new MovableClock()).render(REQUEST))
                .isInstanceOf(BackendException.class)
                .hasMessage("sdapi: cannot connect to http://gpu:7860 (skipped); openai: HTTP 400 from POST /v1/images/generations: safety system");
    }

    @Test
    void backendsAreBuiltFromTheirNamesInOrderAndAnUnknownNameIsRefused() {
        RenderConfig config = RenderConfig.fromEnv(Map.of());
        assertThat(Backends.fromConfig(List.of("comfyui", " SDAPI", "openai", "builtin"), config, Json.mapper()).names())
                .containsExactly("comfyui", "sdapi", "openai", "builtin");
        assertThatThrownBy(() -> Backends.fromConfig(List.of("midjourney"), config, Json.mapper()))
                .hasMessageContaining("unknown backend 'midjourney'");
    }

    @Test
    void badRenderSettingsAreRefusedWithTheVariableName() {
        assertThatThrownBy(() -> RenderConfig.fromEnv(Map.of("YTV2_RENDER_MAX_ATTEMPTS", "zero")))
                .hasMessageContaining("YTV2_RENDER_MAX_ATTEMPTS");
        assertThatThrownBy(() -> RenderConfig.fromEnv(Map.of("YTV2_RENDER_LEASE_SECONDS", "-1")))
                .hasMessageContaining("YTV2_RENDER_LEASE_SECONDS");
        assertThat(RenderConfig.fromEnv(Map.of()).width()).isEqualTo(1024);
        assertThat(RenderConfig.fromEnv(Map.of()).height()).isEqualTo(576);
    }
}
