package dev.ytv2.security;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.Hostile;
import dev.ytv2.support.LogCapture;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches made only of operators, timestamps PostgreSQL cannot hold and offsets it refuses are
 * the client's mistake: each is a 400 that says which parameter, and none fills the log.
 */
@DbTest
class PublicReadInputTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> unsearchable() {
        return List.of("q=" + "-".repeat(33), "q=" + "-".repeat(300), "q=%22-%22" + "-".repeat(40),
                "q=" + "-a%20".repeat(60), "q=" + "!".repeat(100), "q=" + "-%22".repeat(50), "q=" + "%20or%20-".repeat(40),
                "date_from=%2B999999999-01-01T00:00:00Z", "date_to=-999999999-01-01T00:00:00Z",
                "date_from=2025-01-01T00:00:00%2B18:00", "date_to=2025-01-01T00:00:00-18:00",
                "date_from=0000-01-01", "date_to=%2B99999-01-01");
    }

    @ParameterizedTest
    @MethodSource("unsearchable")
    void listsAndFacetsRefuseUnsearchableInputWithOneCleanAnswerAndAQuietLog(String query) {
        for (String path : new String[] {"/api/reports?", "/api/filters?"}) {
            try (LogCapture log = LogCapture.start()) {
                HttpResponse<String> r = server.get(path + query);
                Hostile.answeredCleanly(r, server.mapper, path + query);
                // An offset PostgreSQL cannot hold is still a valid instant: it is searched in UTC.
                if (query.contains(":00-18:00") || query.contains("%2B18:00")) assertThat(r.statusCode()).isEqualTo(200);
                else if (query.startsWith("date")) assertThat(server.json(r).path("error").asText()).isEqualTo("invalid_date");
                assertThat(log.lines()).as(path + query).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "0000-12-31T23:59:59Z", "9999-12-31T23:00:00-18:00"})
    void ingestRefusesAPublishedAtPostgresCannotStore(String when) {
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> r = server.post("/ingest/report", server.object().put("video_id", "yt:extreme0001")
                    .put("title", "T").put("published_at", when).toString(), "X-INGEST-TOKEN", TestServer.INGEST);
            assertThat(r.statusCode()).as(when + " -> " + r.body()).isEqualTo(400);
            assertThat(server.json(r).path("error").asText()).isEqualTo("invalid_date");
            assertThat(log.lines()).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(server.get("/api/reports/yt:extreme0001").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01T00:00:00+18:00", "2025-01-01T00:00:00-17:59"})
    void ingestStoresAnOffsetPostgresCannotHoldAsTheSameInstantInUtc(String when) {
        server.ingest(server.object().put("video_id", "yt:offsets0001").put("title", "T").put("published_at", when));
        String stored = server.getJson("/api/reports/yt:offsets0001").path("published_at").asText();
        assertThat(java.time.OffsetDateTime.parse(stored).toInstant()).isEqualTo(java.time.OffsetDateTime.parse(when).toInstant());
    }
}
