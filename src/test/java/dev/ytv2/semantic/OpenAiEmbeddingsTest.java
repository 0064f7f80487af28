package dev.ytv2.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.render.backend.FakeHttp;
import dev.ytv2.http.Json;
import dev.ytv2.support.DbTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The openai provider against a local fake `/v1/embeddings`: what is sent, batching, and every way a call fails. */
@DbTest
class OpenAiEmbeddingsTest {
    private final FakeHttp fake = new FakeHttp();

    @AfterEach
    void stop() {
        fake.close();
    }

    private OpenAiEmbeddings provider(int batch, Optional<Integer> dims, Duration timeout) {
        return new OpenAiEmbeddings(fake.url(), Optional.of("sk-test"), "nomic-embed-text", dims, batch, timeout, Json.mapper());
    }

    /** Answers each input with a vector of `dims` whose first value is the input's length, items in reverse order. */
    private static FakeHttp.Response echo(FakeHttp.Request r, int dims) {
        JsonNode in = r.json();
        ObjectNode out = FakeHttp.JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        for (int i = in.path("input").size() - 1; i >= 0; i--) {
            ArrayNode v = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            v.add(in.path("input").get(i).asText().length());
            for (int d = 1; d < dims; d++) v.add(1);
        }
        return FakeHttp.Response.json(out.toString());
    }

    @Test
    void sendsModelInputsAndKeyInBatchesAndKeepsTheOrder() throws Exception {
        fake.on("POST", "/v1/embeddings", r -> echo(r, 8));
        OpenAiEmbeddings p = provider(2, Optional.of(8), Duration.ofSeconds(5));
        List<float[]> out = p.embed(List.of("a", "bb", "ccc", "dddd", "eeeee"));

        assertThat(fake.requests("/v1/embeddings")).hasSize(3);
        FakeHttp.Request first = fake.requests("/v1/embeddings").get(0);
        assertThat(first.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(first.json().path("model").asText()).isEqualTo("nomic-embed-text");
        assertThat(first.json().path("dimensions").asInt()).isEqualTo(8);
        assertThat(first.json().path("input")).hasSize(2);
        assertThat(out).hasSize(5);
        // Order by the answer's index, not its position; vectors come back at unit length.
        double[] firsts = out.stream().mapToDouble(v -> v[0] / v[1]).toArray();
        assertThat(firsts).containsExactly(1, 2, 3, 4, 5);
        double norm = 0;
        for (float x : out.get(0)) norm += x * x;
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(p.model()).isEqualTo("openai:nomic-embed-text@8");
    }

    @Test
    void anErrorAnswerIsNamedWithTheServersReason() {
        fake.on("POST", "/v1/embeddings", r -> FakeHttp.Response.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
        assertThatThrownBy(() -> provider(4, Optional.of(8), Duration.ofSeconds(5)).embed(List.of("x")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Incorrect API key provided");
    }

    @Test
    void wrongSizesAndShapesAreRefused() {
        fake.on("POST", "/v1/embeddings", r -> echo(r, 4));
        assertThatThrownBy(() -> provider(4, Optional.of(8), Duration.ofSeconds(5)).embed(List.of("x")))
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("answered 4 dimensions, expected 8");
        fake.on("POST", "/v1/embeddings", r -> FakeHttp.Response.json("{\"data\":[]}"));
        assertThatThrownBy(() -> provider(4, Optional.of(8), Duration.ofSeconds(5)).embed(List.of("x", "y")))
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("0 vectors for 2 texts");
        fake.on("POST", "/v1/embeddings", r -> new FakeHttp.Response(200, "text/html", "<html>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> provider(4, Optional.of(8), Duration.ofSeconds(5)).embed(List.of("x")))
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("not JSON");
    }

    @Test
    void aServerThatStallsTimesOut() {
        fake.on("POST", "/v1/embeddings", r -> FakeHttp.Response.stalled(200, "application/json", "{\"data\":[".getBytes(StandardCharsets.UTF_8)));
        long began = System.nanoTime();
        assertThatThrownBy(() -> provider(4, Optional.of(8), Duration.ofMillis(500)).embed(List.of("x")))
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("stopped arriving");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnreachableServerIsNamed() {
        OpenAiEmbeddings p = new OpenAiEmbeddings("http://127.0.0.1:9", Optional.empty(), "text-embedding-3-large",
                Optional.empty(), 4, Duration.ofSeconds(2), Json.mapper());
        assertThat(p.dimensions()).isEqualTo(3072);
        assertThatThrownBy(() -> p.embed(List.of("x"))).isInstanceOf(EmbeddingException.class).hasMessageContaining("cannot connect");
    }
}
