package dev.ytv2.render.backend;

import dev.ytv2.support.DbTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DbTest
class BackendHttpTest {
    final FakeHttp fake = new FakeHttp();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anAnswerLargerThanTheLimitFailsTheCallInsteadOfFillingMemory() throws Exception {
        byte[] big = new byte[300_000];
        fake.on("GET", "/view", r -> new FakeHttp.Response(200, "image/png", big));
        BackendHttp http = new BackendHttp("comfyui", Duration.ofSeconds(2), List.of(), FakeHttp.JSON, 100_000);
        assertThatThrownBy(() -> http.getBytes(fake.url() + "/view"))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("comfyui")
                .hasMessageContaining("larger than 100000 bytes");

        BackendHttp roomy = new BackendHttp("comfyui", Duration.ofSeconds(2), List.of(), FakeHttp.JSON, 300_000);
        assertThat(roomy.getBytes(fake.url() + "/view")).hasSize(big.length);
    }

    @Test
    void healthChecksNeverWaitLongerThanARender() {
        assertThat(new BackendHttp("sdapi", Duration.ofMillis(500), List.of(), FakeHttp.JSON).quickTimeout())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(new BackendHttp("sdapi", Duration.ofSeconds(180), List.of(), FakeHttp.JSON).quickTimeout())
                .isEqualTo(Duration.ofSeconds(5));
    }
}
