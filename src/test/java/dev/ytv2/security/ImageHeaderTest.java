package dev.ytv2.security;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.HostileImages;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads are read as images: undecodable files and images over 8192 pixels a side are refused and never stored. */
@DbTest
class ImageHeaderTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> upload(byte[] bytes) {
        Multipart m = Multipart.file("image", "x.png", "image/png", bytes);
        return server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/upload-image"))
                .header("Content-Type", m.contentType()).POST(m.publisher()), "Authorization", "Bearer " + TestServer.ADMIN);
    }

    static long stored() throws IOException {
        try (Stream<Path> all = Files.walk(server.dataDir.resolve("images"))) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    static void refused(String what, byte[] bytes, int status, String error) throws IOException {
        long before = stored();
        HttpResponse<String> r = upload(bytes);
        assertThat(r.statusCode()).as(what + " -> " + r.body()).isEqualTo(status);
        assertThat(server.json(r).path("error").asText()).as(what).isEqualTo(error);
        assertThat(stored()).as(what + ": nothing stored").isEqualTo(before);
    }

    @Test
    void imagesDeclaringMoreThan8192PixelsASideAreRefused() throws IOException {
        byte[] bomb = HostileImages.pngDeclaring(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);
        refused("a PNG declaring 100000x100000", bomb, 422, "image_too_large");
        refused("a PNG 8193 wide", HostileImages.real("png", 8193, 1), 422, "image_too_large");
        refused("a WebP declaring 16384x2", HostileImages.webpDeclaring(16_384, 2), 422, "image_too_large");
        assertThat(upload(HostileImages.real("png", 8192, 1)).statusCode()).isEqualTo(201);
    }

    @Test
    void filesThatAreMagicBytesAndJunkAreRefused() throws IOException {
        refused("JPEG magic and junk", HostileImages.magicThenJunk(HostileImages.real("jpg", 4, 4), 4), 415, "invalid_image");
        refused("WebP magic and junk", HostileImages.magicThenJunk(HostileImages.webp(), 16), 415, "invalid_image");
        refused("PNG magic and junk", HostileImages.magicThenJunk(Multipart.png(), 8), 415, "invalid_image");
        byte[] whole = HostileImages.noise("png", 64, 64);
        refused("a PNG cut in half", java.util.Arrays.copyOf(whole, whole.length / 2), 415, "invalid_image");
        for (byte[] ok : new byte[][] {HostileImages.real("jpg", 40, 30), HostileImages.webp(), Multipart.png()}) {
            assertThat(upload(ok).statusCode()).isEqualTo(201);
        }
    }
}
