package dev.ytv2.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.files.FileStore;
import dev.ytv2.files.MediaType;
import dev.ytv2.images.VariantPurger;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored file goes only when no report refers to it any more, and a client cannot make a report
 * refer to a file some other part of the library owns.
 */
@DbTest
class FileOwnershipTest {
    static TestServer server;
    static FileStore files;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        files = server.running.services().files();
        jdbi = server.running.database().jdbi();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A report with a rendered image and audio of its own, written as the worker and audio ingest write them. */
    private static String[] victim(String id) {
        server.ingest(server.object().put("video_id", id).put("title", "Victim"));
        String image = files.save(MediaType.PNG, "ai1", Multipart.png());
        String thumb = files.save(MediaType.PNG, "reports", Multipart.png());
        String audio = files.save(MediaType.WAV, "reports", "RIFF\0\0\0\0WAVEfmt ".getBytes());
        jdbi.useHandle(h -> h.execute("""
                UPDATE content SET thumbnail_url = ?, summary_image_url = ?, media = jsonb_build_object('audio_url', CAST(? AS text)),
                    analysis_json = jsonb_build_object('summary_image_variants', jsonb_build_array(jsonb_build_object('url', CAST(? AS text))))
                WHERE video_id = ?""", thumb, image, audio, image, id));
        return new String[] {image, thumb, audio};
    }

    private static HttpResponse<String> ingest(ObjectNode report) {
        return server.post("/ingest/report", report.toString(), "X-INGEST-TOKEN", TestServer.INGEST);
    }

    @Test
    void ingestCannotClaimAnotherReportsImageThumbnailOrAudio() {
        String[] theirs = victim("yt:victim00001");
        for (String url : theirs) {
            ObjectNode variant = server.object().put("url", url).put("image_mode", "ai1").put("deleted_at", "2000-01-01T00:00:00Z");
            ObjectNode asVariant = server.object().put("video_id", "yt:thief000001").put("title", "Thief");
            asVariant.putObject("analysis_json").putArray("summary_image_variants").add(variant);
            ObjectNode asThumbnail = server.object().put("video_id", "yt:thief000001").put("thumbnail_url", url + "?v=2");
            ObjectNode asAudio = server.object().put("video_id", "yt:thief000001");
            asAudio.putObject("media").put("audio_url", url);
            for (ObjectNode attempt : new ObjectNode[] {asVariant, asThumbnail, asAudio}) {
                HttpResponse<String> r = ingest(attempt);
                assertThat(r.statusCode()).as(attempt + " -> " + r.body()).isEqualTo(422);
                assertThat(server.json(r).path("error").asText()).isEqualTo("foreign_file");
            }
        }
        assertThat(server.get("/api/reports/yt:thief000001").statusCode()).isEqualTo(404);
        for (String url : theirs) assertThat(files.resolve(url)).as(url).isPresent();
    }

    @Test
    void anUploadMayBeClaimedByOneReportOnlyAndAMissingFileNamesNothing() {
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(server.base + "/api/upload-image"));
        Multipart m = Multipart.file("image", "a.png", "image/png", Multipart.png());
        HttpResponse<String> up = server.send(upload.header("Content-Type", m.contentType()).POST(m.publisher()),
                "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(up.statusCode()).isEqualTo(201);
        String url = server.json(up).get("public_url").asText();

        ObjectNode first = server.object().put("video_id", "yt:claims00001").put("title", "First");
        first.putObject("analysis_json").putArray("summary_image_variants").addObject().put("url", url).put("image_mode", "ai1");
        assertThat(ingest(first).statusCode()).isEqualTo(201);
        assertThat(ingest(first.put("title", "First again")).statusCode()).isEqualTo(200);
        ObjectNode second = server.object().put("video_id", "yt:claims00002").put("thumbnail_url", url);
        assertThat(ingest(second).statusCode()).isEqualTo(422);
        assertThat(ingest(server.object().put("video_id", "yt:claims00003").put("thumbnail_url", "/exports/images/ui/missing.png"))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void deletingOrPurgingOneReportNeverRemovesAFileAnotherReportStillRefersTo() {
        String[] theirs = victim("yt:victim00002");
        String own = files.save(MediaType.PNG, "ai1", Multipart.png());
        server.ingest(server.object().put("video_id", "yt:sharer00001").put("title", "Sharer"));
        // References as an older writer (or a hostile one, before ingest was checked) may have left them.
        jdbi.useHandle(h -> h.execute("""
                UPDATE content SET thumbnail_url = ?, media = jsonb_build_object('audio_url', CAST(? AS text)),
                    analysis_json = jsonb_build_object('summary_image_variants', jsonb_build_array(
                        jsonb_build_object('url', CAST(? AS text), 'deleted_at', '2000-01-01T00:00:00Z'),
                        jsonb_build_object('url', CAST(? AS text), 'deleted_at', '2000-01-01T00:00:00Z')))
                WHERE video_id = ?""", theirs[1], theirs[2], theirs[0], own, "yt:sharer00001"));
        VariantPurger purger = new VariantPurger(jdbi, server.running.services().events(), files,
                server.running.services().images(), Duration.ofDays(30));
        assertThat(purger.purgeOnce()).isGreaterThanOrEqualTo(2);
        assertThat(server.getJson("/api/reports/yt:sharer00001").path("analysis").path("summary_image_variants")).isEmpty();
        assertThat(files.resolve(theirs[0])).isPresent();
        assertThat(files.resolve(own)).isEmpty();

        HttpResponse<String> deleted = server.delete("/api/reports/yt:sharer00001", "Authorization", "Bearer " + TestServer.ADMIN);
        assertThat(deleted.statusCode()).isEqualTo(200);
        for (String url : theirs) assertThat(files.resolve(url)).as(url).isPresent();
        assertThat(server.getJson("/api/reports/yt:victim00002").get("thumbnail_url").asText()).isEqualTo(theirs[1]);

        assertThat(server.delete("/api/reports/yt:victim00002", "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(200);
        for (String url : theirs) assertThat(files.resolve(url)).as(url).isEmpty();
    }
}
