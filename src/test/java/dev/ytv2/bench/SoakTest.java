package dev.ytv2.bench;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak's code path for twenty seconds over a few hundred reports: a functional check (no
 * errors, every stream holds every event), not a timing one; the long run's figures are in
 * docs/BENCHMARKS.md.
 */
@DbTest
class SoakTest {

    @Test
    void aShortSoakHasNoErrorsAndEveryStreamReceivesEveryEvent() throws Exception {
        // All 200 streams come from this one address.
        try (TestServer server = TestServer.start(env -> env.put("YTV2_MAX_STREAMS_PER_CLIENT", "250"))) {
            SyntheticLibrary.load(server.running.database().jdbi(), 300, 7);
            Soak.Result r = Soak.run(server.running, TestServer.ADMIN,
                    new Soak.Settings(Duration.ofSeconds(20), Duration.ofSeconds(5), 200, 2, 10, 2), System.out::println);
            assertThat(r.errorSamples()).isEmpty();
            assertThat(r.errors()).isZero();
            assertThat(r.intervals()).hasSize(4).allSatisfy(i -> assertThat(i.requests()).isPositive());
            assertThat(r.events()).as("writes and ingest raised events").isGreaterThan(100);
            assertThat(r.streamsComplete()).as("streams holding every event, in order, once").isEqualTo(r.streams());
        }
    }
}
