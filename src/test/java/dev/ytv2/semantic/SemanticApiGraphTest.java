package dev.ytv2.semantic;

import dev.ytv2.support.SemanticLibrary;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every test of {@link SemanticApiTest} again, with the graph answering however small the library
 * (YTV2_SEMANTIC_EXACT_BELOW=0): searches, filters, related reports, and changes and deletes arriving
 * through the event log all go through jvector's graph.
 */
class SemanticApiGraphTest extends SemanticApiTest {

    /** Hides {@link SemanticApiTest#start()}, so only this server starts. */
    @BeforeAll
    static void start() {
        s = TestServer.startWithWorker(env -> {
            env.put("YTV2_EMBED_SWEEP_SECONDS", "0.2");
            env.put("YTV2_SEMANTIC_EXACT_BELOW", "0");
        });
        SemanticLibrary.seed(s);
        SemanticLibrary.awaitEmbedded(s, 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.getJson("/api/semantic/status").path("index_kind").asText().equals("graph"));
    }

    @Test
    void theGraphAnswers() {
        assertThat(s.getJson("/api/semantic/status").path("index_kind").asText()).isEqualTo("graph");
    }
}
