package dev.ytv2.db;

import dev.ytv2.app.Config;
import dev.ytv2.app.Wiring;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestDatabase;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DbTest
class DatabaseTest {

    @Test
    void parsesBothUrlForms() {
        DatabaseUrl pg = DatabaseUrl.parse("postgres://ytv2:s%40cret@db.local:6543/library?sslmode=disable");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/library?sslmode=disable");
        assertThat(pg.user()).hasValue("ytv2");
        assertThat(pg.password()).hasValue("s@cret");
        assertThat(DatabaseUrl.parse("postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:1/db?user=a").jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/db?user=a");
        assertThat(DatabaseUrl.redact("postgres://u:pw@h/db")).isEqualTo("postgres://u:***@h/db");
    }

    @Test
    void anExternalServerIsUsedByJdbcUrlToo() {
        String url = TestDatabase.newDatabase();
        String jdbc = TestDatabase.jdbcUrl(url) + "?user=postgres&password=postgres";
        try (TestServer server = TestServer.start(jdbc, env -> { })) {
            server.ingest(server.object().put("video_id", "yt:external0001").put("title", "Via JDBC URL"));
            assertThat(server.running.database().isEmbedded()).isFalse();
        }
        // The same data is there when reached by the other URL form.
        try (TestServer again = TestServer.start(url, env -> { })) {
            assertThat(again.getJson("/api/reports/yt:external0001").get("title").asText()).isEqualTo("Via JDBC URL");
        }
    }

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("ytv2-restart-");
        Map<String, String> env = Map.of("PORT", "0", "YTV2_DATA_DIR", dataDir.toString(),
                "DEBUG_TOKEN", TestServer.ADMIN, "INGEST_TOKEN", TestServer.INGEST);
        try (Wiring.Running first = Wiring.startServer(Config.fromEnv(env))) {
            assertThat(first.database().isEmbedded()).isTrue();
            first.services().writer().upsert(dev.ytv2.content.IngestPayload.parse(
                    first.services().mapper().createObjectNode().put("video_id", "yt:restart00001").put("title", "Survives"),
                    first.services().mapper()), dev.ytv2.content.ReportWriter.Origin.OPERATOR);
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
        try (Wiring.Running second = Wiring.startServer(Config.fromEnv(env))) {
            assertThat(second.services().reports().detail("yt:restart00001")).get()
                    .extracting(n -> n.row().title()).isEqualTo("Survives");
        }
    }
}
