package dev.ytv2.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.S3ProxyServer;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Files kept in an S3 bucket (a real S3 server, S3Proxy) are stored, served and removed as from disk. */
@DbTest
class S3ExportsTest {
    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    static TestServer server;
    static String bucket;
    static byte[] png;
    static String pngUrl;

    @BeforeAll
    static void start() {
        bucket = S3.newBucket();
        server = TestServer.start(env -> S3.configure(env, bucket, "library"));
        png = new byte[40_000];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        System.arraycopy(header, 0, png, 0, header.length);
        for (int i = header.length; i < png.length; i++) png[i] = (byte) (i * 7);
        pngUrl = server.running.services().files().save(MediaType.PNG, "tests", png);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSavedFileIsAnObjectUnderThePrefixNamedByItsUrl() throws Exception {
        FileStore files = server.running.services().files();
        assertThat(files).isInstanceOf(S3FileStore.class);
        String url = files.save(MediaType.PNG, "ai1", Multipart.png());
        assertThat(url).startsWith("/exports/images/ai1/").endsWith(".png");
        assertThat(S3.keys(bucket, "library/images/ai1/")).containsExactly("library/" + url.substring("/exports/".length()));

        StoredFile found = files.resolve(url).orElseThrow();
        assertThat(found.size()).isEqualTo(Multipart.png().length);
        assertThat(files.list("/exports/images/ai1/")).extracting(StoredFile::url).containsExactly(url);
        try (InputStream in = files.open(found, 0, found.size())) {
            assertThat(in.readAllBytes()).isEqualTo(Multipart.png());
        }
        try (InputStream in = files.open(found, 8, 4)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(Multipart.png(), 8, 12));
        }

        assertThat(files.delete(url)).isTrue();
        assertThat(files.resolve(url)).isEmpty();
        assertThat(files.delete(url)).isFalse();
        assertThat(S3.keys(bucket, "library/images/ai1/")).isEmpty();
    }

    @Test
    void servesAnObjectWithTypeValidatorsAndLongCaching() {
        HttpResponse<byte[]> r = server.getBytes(pngUrl);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(png);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(png.length));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(r.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");

        HttpResponse<byte[]> again = server.getBytes(pngUrl, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(server.getBytes(pngUrl, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void answersByteRangesWithJustThoseBytes() {
        HttpResponse<byte[]> r = server.getBytes(pngUrl, "Range", "bytes=1000-1999");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(png, 1000, 2000));
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + png.length);
        assertThat(r.headers().firstValue("Content-Length")).hasValue("1000");

        HttpResponse<byte[]> tail = server.getBytes(pngUrl, "Range", "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(png, png.length - 10, png.length));

        HttpResponse<byte[]> open = server.getBytes(pngUrl, "Range", "bytes=39990-");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(png, 39_990, png.length));

        HttpResponse<byte[]> outside = server.getBytes(pngUrl, "Range", "bytes=50000-50010");
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */" + png.length);
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base + pngUrl))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(png.length));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/exports/images/nothing.png",
            "/exports/images/../library/images/tests",
            "/exports/images/%2e%2e/x.png",
            "/exports/images/tests",
            "/exports/images/.hidden.png",
            "/exports/images//x.png",
    })
    void answers404ForAnythingThatIsNotAStoredObject(String path) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base + path)).GET());
        assertThat(r.statusCode()).as(path).isIn(400, 404);
    }

    @Test
    void uploadsFromWorkersLandInTheBucketAndNothingOnDisk() throws Exception {
        Multipart body = Multipart.file("image", "x.png", "image/png", Multipart.png());
        HttpResponse<String> up = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/upload-image"))
                .header("Content-Type", body.contentType()).header("X-INGEST-TOKEN", TestServer.INGEST).POST(body.publisher()));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        String url = server.mapper.readTree(up.body()).path("public_url").asText();
        assertThat(S3.keys(bucket, "library/images/uploads/")).contains("library/" + url.substring("/exports/".length()));
        assertThat(server.getBytes(url).body()).isEqualTo(Multipart.png());

        // A report may name the upload (its claim is checked against the bucket) and shows it.
        JsonNode ingested = server.ingest(server.object().put("video_id", "yt:s3upload01").put("title", "S3")
                .put("thumbnail_url", url));
        assertThat(ingested.isObject()).isTrue();
        try (Stream<Path> local = Files.walk(server.dataDir)) {
            assertThat(local.filter(Files::isRegularFile).map(Path::toString).filter(p -> p.endsWith(".png"))).isEmpty();
        }
    }

    @Test
    void theNewestAudioOfAReportIsServedFromTheBucket() throws Exception {
        byte[] mp3 = new byte[3000];
        mp3[0] = 'I';
        mp3[1] = 'D';
        mp3[2] = '3';
        mp3[3] = 3;
        Multipart body = Multipart.file("audio", "audio_s3audio01_20250101_120000.mp3", "audio/mpeg", mp3);
        HttpResponse<String> up = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/upload-audio"))
                .header("Content-Type", body.contentType()).header("X-INGEST-TOKEN", TestServer.INGEST).POST(body.publisher()));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        String url = server.mapper.readTree(up.body()).path("public_url").asText();
        assertThat(S3.keys(bucket, "library/audio/")).contains("library/" + url.substring("/exports/".length()));

        HttpResponse<byte[]> byVideo = server.getBytes("/exports/by_video/s3audio01.mp3");
        assertThat(byVideo.statusCode()).isEqualTo(200);
        assertThat(byVideo.body()).isEqualTo(mp3);
        assertThat(byVideo.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(server.getBytes("/exports/by_video/nobody.mp3").statusCode()).isEqualTo(404);
    }

    @Test
    void withAPublicAddressTheServerRedirectsThereAndStoredUrlsStayTheirs() {
        String other = S3.newBucket();
        try (TestServer cdn = TestServer.start(env -> {
            S3.configure(env, other, "lib");
            env.put("YTV2_S3_PUBLIC_URL", "https://cdn.example.org/media/");
        })) {
            String url = cdn.running.services().files().save(MediaType.PNG, "ai2", Multipart.png());
            assertThat(url).startsWith("/exports/images/ai2/").doesNotContain("cdn.example.org").doesNotContain(other);
            HttpResponse<String> r = cdn.get(url);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).hasValue("https://cdn.example.org/media/lib/" + url.substring("/exports/".length()));
            assertThat(cdn.get("/exports/images/../x.png").statusCode()).isIn(400, 404);
        }
    }
}
