package dev.ytv2.files;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DbTest
class ExportsTest {
    static TestServer server;
    static String pngUrl;
    static byte[] png;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        png = new byte[4096];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        System.arraycopy(header, 0, png, 0, header.length);
        for (int i = header.length; i < png.length; i++) png[i] = (byte) i;
        pngUrl = server.running.services().files().save(MediaType.PNG, "tests", png);
        Files.writeString(server.dataDir.resolve("secret.txt"), "outside the store");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesAStoredImageWithTypeValidatorsAndLongCaching() {
        HttpResponse<byte[]> r = server.getBytes(pngUrl);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(png);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(server.getBytes(pngUrl, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void answersByteRanges() {
        HttpResponse<byte[]> r = server.getBytes(pngUrl, "Range", "bytes=100-199");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).hasSize(100);
        assertThat(r.body()[0]).isEqualTo(png[100]);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 100-199/4096");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/exports/images/../secret.txt",
            "/exports/images/%2e%2e/secret.txt",
            "/exports/images/%252e%252e/secret.txt",
            "/exports/images/..%2fsecret.txt",
            "/exports/images/..%5csecret.txt",
            "/exports/images/%2fetc%2fpasswd",
            "/exports/images//etc/passwd",
            "/exports/audio/../../secret.txt",
            "/exports/../secret.txt",
            "/exports/images/tests",
            "/exports/images/.hidden",
            "/exports/images/nothing.png",
    })
    void neverServesAnythingOutsideTheStore(String path) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base + path)).GET());
        assertThat(r.statusCode()).as(path).isIn(400, 404);
        assertThat(r.body()).doesNotContain("outside the store").doesNotContain("root:");
    }

    @Test
    void aSymlinkInTheStoreIsNotFollowed() throws Exception {
        Path link = ((dev.ytv2.files.LocalFileStore) server.running.services().files()).imagesDir().resolve("tests").resolve("link.png");
        Files.createSymbolicLink(link, server.dataDir.resolve("secret.txt"));
        HttpResponse<String> r = server.get("/exports/images/tests/link.png");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("outside the store");
    }
}
