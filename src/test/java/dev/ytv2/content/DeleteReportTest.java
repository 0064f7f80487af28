package dev.ytv2.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.files.MediaType;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

@DbTest
class DeleteReportTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void deleteNeedsTheAdminTokenAndRemovesTheReportItsSummariesAndItsFilesOnly() {
        byte[] png = new byte[64];
        png[0] = (byte) 0x89; png[1] = 'P'; png[2] = 'N'; png[3] = 'G'; png[4] = 0x0D; png[5] = 0x0A;
        // Uploads, the only stored files an ingested report may name.
        String mine = server.running.services().files().save(MediaType.PNG, "uploads", png);
        String other = server.running.services().files().save(MediaType.PNG, "uploads", png);
        ObjectNode doomed = Fixtures.report(server, "yt:delete00001", "Doomed", "C", "youtube", "Science", "Physics", "en",
                "News", 10, "2024-01-01", "2024-01-01", "Text.");
        doomed.put("thumbnail_url", mine);
        server.ingest(doomed);
        ObjectNode keeper = Fixtures.report(server, "yt:delete00002", "Keeper", "C", "youtube", "Science", "Physics", "en",
                "News", 10, "2024-01-01", "2024-01-01", "Text.");
        keeper.put("thumbnail_url", other);
        server.ingest(keeper);

        assertThat(server.delete("/api/reports/yt:delete00001").statusCode()).isEqualTo(401);
        assertThat(server.delete("/api/reports/yt:delete00001", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(server.delete("/api/reports/yt:delete00001", "Authorization", "Bearer " + TestServer.INGEST).statusCode()).isEqualTo(401);
        assertThat(server.get("/api/reports/yt:delete00001").statusCode()).isEqualTo(200);

        var ok = server.delete("/api/reports/delete00001", "Authorization", "Bearer " + TestServer.ADMIN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(server.get("/api/reports/yt:delete00001").statusCode()).isEqualTo(404);
        int summaries = server.running.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM content_summaries WHERE video_id = 'yt:delete00001'").mapTo(Integer.class).one());
        assertThat(summaries).isZero();
        assertThat(server.running.services().files().resolve(mine)).isEmpty();
        assertThat(server.running.services().files().resolve(other)).isPresent();
        assertThat(server.getJson("/api/reports").get("pagination").get("total").asInt()).isEqualTo(1);
        assertThat(server.delete("/api/reports/yt:delete00001", "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(404);
    }
}
