package dev.ytv2.security;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.RawHttp;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path traversal against `/exports/...` and every upload: a canary file outside the stores is never
 * served, and no file ever appears outside them. Requests go out byte for byte (raw sockets), so
 * no client library normalises `..`, backslashes or bad escapes away first.
 */
@DbTest
class PathTraversalTest {
    static final String CANARY = "CANARY-7f3a-outside-the-store";
    static TestServer server;
    static Path outside;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        outside = server.dataDir;
        Files.writeString(outside.resolve("canary.txt"), CANARY);
        Files.writeString(outside.resolve("canary.png"), CANARY);
        Files.writeString(outside.resolve("images").resolve("..canary.png"), CANARY);
        Path store = ((dev.ytv2.files.LocalFileStore) server.running.services().files()).imagesDir();
        // A symlinked file and a symlinked folder inside the store, both pointing outside it.
        Files.createDirectories(store.resolve("links"));
        Files.createSymbolicLink(store.resolve("links").resolve("canary.png"), outside.resolve("canary.png"));
        Files.createSymbolicLink(store.resolve("outside"), outside);
        server.ingest(server.object().put("video_id", "yt:traversal1").put("title", "Target"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> exportTargets() {
        List<String> dots = List.of("..", "%2e%2e", "%2E%2E", ".%2e", "%252e%252e", "%c0%ae%c0%ae", "%e0%80%ae%e0%80%ae",
                "..%00", "%2e%2e%00", "...", "..;", "%u002e%u002e");
        List<String> slashes = List.of("/", "%2f", "%2F", "%252f", "\\", "%5c", "%255c", "%c0%af", "%e0%80%af", "//", "/./");
        List<String> out = new ArrayList<>();
        for (String store : List.of("/exports/images/", "/exports/audio/", "/exports/")) {
            for (String dot : dots) {
                for (String slash : slashes) {
                    out.add(store + dot + slash + "canary.txt");
                    out.add(store + dot + slash + dot + slash + "canary.png");
                }
            }
        }
        out.addAll(List.of("/exports/images/outside/canary.png", "/exports/images/links/canary.png",
                "/exports/images/..canary.png", "/exports/images/" + outside + "/canary.png",
                "/exports/images/%2F" + outside.toString().substring(1).replace("/", "%2F") + "%2Fcanary.png",
                "/exports/images/C:%5Cwindows%5Cwin.ini", "/exports/images/file:///etc/passwd", "/exports/images/~/canary.txt",
                "/exports/images/canary.txt%00.png", "/exports/images/./../canary.txt", "/exports//images/../../canary.txt",
                "/exports/images/" + "a/".repeat(40) + "../".repeat(41) + "canary.txt", "/exports/%2e%2e/%2e%2e/etc/passwd",
                "/exports/images/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/exports/images/....//....//canary.txt"));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("exportTargets")
    void noTraversalReadsOutsideTheStore(String target) {
        HttpResponse<String> r = RawHttp.get(server.base, target);
        assertThat(r.statusCode()).as(target).isBetween(400, 499);
        assertThat(r.body()).as(target).doesNotContain(CANARY).doesNotContain("root:x:0");
    }

    @Test
    void uploadsWithHostileNamesNeverWriteOutsideTheStores() throws IOException {
        Set<String> before = filesOutsideStores();
        List<String> names = List.of("../../canary-upload.png", "..\\..\\canary-upload.png", "/tmp/canary-upload.png",
                "%2e%2e%2fcanary-upload.png", "..%c0%afcanary-upload.png", "canary-upload.png\u0000.txt", "outside/../../x.png",
                outside + "/canary-upload.png", "links/canary.png", "....//canary-upload.png");
        for (String name : names) {
            for (String path : List.of("/api/upload-image", "/ingest/audio")) {
                boolean audio = path.contains("audio");
                byte[] bytes = audio ? "RIFF\0\0\0\0WAVEfmt data".getBytes(StandardCharsets.ISO_8859_1) : Multipart.png();
                Multipart m = Multipart.file(audio ? "audio" : "image", name, "image/png", bytes);
                byte[] body = m.body();
                if (audio) body = prefixField(m, "yt:traversal1", body);
                HttpResponse<String> r = RawHttp.send(server.base, "POST", path, body, "Content-Type", m.contentType(),
                        "Authorization", "Bearer " + TestServer.ADMIN);
                assertThat(r.statusCode()).as(path + " " + name + " " + r.body()).isIn(201, 400, 413, 415);
                if (r.statusCode() == 201) {
                    String url = server.json(r).path(audio ? "audio_url" : "public_url").asText();
                    assertThat(url).as("a server-chosen name").matches("/exports/(images|audio)/[a-z]+/[0-9a-f]{32}\\.[a-z0-9]+");
                }
            }
        }
        for (String id : List.of("yt:../../x", "../canary", "yt:%2e%2e", "yt:..\\x")) {
            Multipart m = Multipart.file("audio", "a.wav", "audio/wav", "RIFF\0\0\0\0WAVEfmt data".getBytes(StandardCharsets.ISO_8859_1));
            HttpResponse<String> r = RawHttp.send(server.base, "POST", "/ingest/audio", prefixField(m, id, m.body()),
                    "Content-Type", m.contentType(), "Authorization", "Bearer " + TestServer.ADMIN);
            assertThat(r.statusCode()).as(id).isBetween(400, 499);
        }
        assertThat(filesOutsideStores()).isEqualTo(before);
        assertThat(strayFiles()).isEmpty();
        assertThat(Files.readString(outside.resolve("canary.png"))).isEqualTo(CANARY);
    }

    /** Every file under the data directory that is not inside the image or audio store. */
    private static Set<String> filesOutsideStores() throws IOException {
        Path images = ((dev.ytv2.files.LocalFileStore) server.running.services().files()).imagesDir();
        Path audio = ((dev.ytv2.files.LocalFileStore) server.running.services().files()).audioDir();
        try (Stream<Path> mine = Files.walk(outside)) {
            Set<String> out = new TreeSet<>();
            mine.filter(p -> !p.startsWith(images) && !p.startsWith(audio)).forEach(p -> out.add(p.toString()));
            return out;
        }
    }

    /** Files named as the attacks name them, anywhere near the data directory (other processes share /tmp). */
    private static List<Path> strayFiles() throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        // Other processes' folders in /tmp come and go during the walk (a browser's profile, another
        // test's data directory): one that vanishes is skipped, not a failure.
        Files.walkFileTree(outside.getParent(), java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 3,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs) {
                        String name = p.getFileName().toString();
                        if (name.contains("canary-upload") || name.equals("x.png")) found.add(p);
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
        return found;
    }

    private static byte[] prefixField(Multipart m, String videoId, byte[] body) {
        String boundary = m.contentType().substring(m.contentType().indexOf("boundary=") + 9);
        byte[] field = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"video_id\"\r\n\r\n" + videoId + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(field, field.length + body.length);
        System.arraycopy(body, 0, out, field.length, body.length);
        return out;
    }
}
