package dev.ytv2.content;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting a report removes only the stored files that no other report still refers to. */
@DbTest
class SharedFileDeleteTest {
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
    void aFileAnotherReportStillUsesIsKept() throws Exception {
        Multipart m = Multipart.file("image", "x.png", "image/png", Multipart.png());
        String url = server.json(server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/upload-image"))
                .header("Content-Type", m.contentType()).POST(m.publisher()), "X-INGEST-TOKEN", TestServer.INGEST))
                .path("public_url").asText();
        for (String id : new String[] {"yt:shared00001", "yt:shared00002"}) {
            var r = server.object().put("video_id", id).put("title", "Shares " + url);
            r.putObject("analysis_json").put("summary_image_selected_url", url);
            // A client may claim an upload for one report only; the operator's import may share it.
            if (id.endsWith("1")) server.ingest(r); else server.place(r);
        }
        assertThat(server.delete("/api/reports/yt:shared00001", "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(200);
        assertThat(server.getBytes(url).statusCode()).as("still used by the other report").isEqualTo(200);
        assertThat(server.delete("/api/reports/yt:shared00002", "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(200);
        assertThat(server.getBytes(url).statusCode()).isEqualTo(404);
    }
}
