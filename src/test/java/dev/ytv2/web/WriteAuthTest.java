package dev.ytv2.web;

import dev.ytv2.images.ImageKit;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write endpoint against every kind of caller: only the right ones pass; a refusal changes nothing. */
@DbTest
class WriteAuthTest {
    static TestServer server;
    static ImageKit kit;
    static String adminCookie;
    static String readerCookie;

    record Call(String name, Function<String, HttpRequest.Builder> request, int success, boolean ingestMayCall) {
    }

    record Caller(String name, String[] headers) {
    }

    @BeforeAll
    static void start() {
        // Each refused call comes from an address of its own (through the trusted local proxy), so the
        // per-address limit on wrong tokens never stands in for the refusal this test is about.
        server = TestServer.start(env -> {
            env.put("YTV2_READ_TOKEN", "reader-token");
            env.put("YTV2_TRUSTED_PROXIES", "127.0.0.1,::1");
        });
        kit = new ImageKit(server);
        adminCookie = signIn(TestServer.ADMIN);
        readerCookie = signIn("reader-token");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String signIn(String token) {
        HttpResponse<String> r = server.post("/api/session", "{\"token\":\"" + token + "\"}");
        assertThat(r.statusCode()).isEqualTo(204);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        return setCookie.split(";")[0];
    }

    static HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static final List<Call> CALLS = List.of(
            new Call("set-image-prompt", id -> json("/api/set-image-prompt", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"prompt\":\"new\"}"), 200, false),
            new Call("select-image-variant", id -> json("/api/select-image-variant", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"url\":\"" + url(id, "b") + "\"}"), 200, false),
            new Call("set-image-display-mode", id -> json("/api/set-image-display-mode", "{\"video_id\":\"" + id + "\",\"mode\":\"ai2\"}"), 200, false),
            new Call("delete-image-variant", id -> json("/api/delete-image-variant", "{\"video_id\":\"" + id + "\",\"url\":\"" + url(id, "a") + "\"}"), 200, false),
            new Call("restore-image-variant", id -> json("/api/restore-image-variant", "{\"video_id\":\"" + id + "\",\"url\":\"" + url(id, "d") + "\"}"), 200, false),
            new Call("star-image-variant", id -> json("/api/star-image-variant", "{\"video_id\":\"" + id + "\",\"url\":\"" + url(id, "c") + "\",\"starred\":true}"), 200, false),
            new Call("delete-all-ai-images", id -> json("/api/delete-all-ai-images", "{\"video_id\":\"" + id + "\"}"), 200, false),
            new Call("image-jobs retry", id -> json("/api/image-jobs/999999/retry", "{}"), 404, false),
            new Call("delete report", id -> HttpRequest.newBuilder(URI.create(server.base + "/api/reports/" + id)).DELETE(), 200, false),
            new Call("upload-image", id -> {
                Multipart m = Multipart.file("image", "x.png", "image/png", Multipart.png());
                return HttpRequest.newBuilder(URI.create(server.base + "/api/upload-image")).header("Content-Type", m.contentType()).POST(m.publisher());
            }, 201, true));

    static String url(String id, String name) {
        return "/exports/images/t/" + id + "-" + name + ".png";
    }

    static String freshReport() {
        String id = kit.report("auth");
        Instant t = Instant.parse("2025-10-01T00:00:00Z");
        kit.appendVariant(id, kit.variant(url(id, "a"), "ai1", t, true));
        kit.appendVariant(id, kit.variant(url(id, "b"), "ai1", t.plusSeconds(1), true));
        kit.appendVariant(id, kit.variant(url(id, "c"), "ai2", t.plusSeconds(2), true));
        kit.appendVariant(id, kit.variant(url(id, "d"), "ai1", t.plusSeconds(3), true).put("deleted_at", t.plusSeconds(4).toString()));
        kit.ok("/api/select-image-variant", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"url\":\"" + url(id, "a") + "\"}");
        return id;
    }

    static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    static final List<Caller> REFUSED = List.of(
            new Caller("nobody", new String[0]),
            new Caller("a wrong token", new String[]{"Authorization", "Bearer not-the-token"}),
            new Caller("the read token", new String[]{"Authorization", "Bearer reader-token"}),
            new Caller("an admin cookie without the CSRF header", new String[]{"Cookie", "COOKIE"}),
            new Caller("an admin cookie with a wrong CSRF header", new String[]{"Cookie", "COOKIE", "X-YTV2-CSRF", "yes"}),
            new Caller("a reader's cookie with the CSRF header", new String[]{"Cookie", "READER", "X-YTV2-CSRF", "1"}),
            new Caller("a forged cookie", new String[]{"Cookie", "ytv2_session=ADMIN.9999999999.00.forged", "X-YTV2-CSRF", "1"}));

    static final List<Caller> ADMINS = List.of(
            new Caller("the admin token", new String[]{"Authorization", "Bearer " + TestServer.ADMIN}),
            new Caller("an admin cookie with the CSRF header", new String[]{"Cookie", "COOKIE", "X-YTV2-CSRF", "1"}));

    static HttpResponse<String> call(Call call, String id, Caller caller) {
        String[] h = Stream.concat(Stream.of(caller.headers()), Stream.of("X-Forwarded-For", "10.1." + (CLIENTS.incrementAndGet() % 250) + ".9"))
                .map(x -> x.equals("COOKIE") ? adminCookie : x.equals("READER") ? readerCookie : x)
                .toArray(String[]::new);
        return server.send(call.request().apply(id), h);
    }

    @Test
    void everyWriteRefusesCallersWithoutTheRightCredentialsAndChangesNothing() throws Exception {
        for (Call c : CALLS) {
            String id = freshReport();
            String before = kit.snapshot(id);
            long events = kit.latestEventId();
            long uploads = uploadedFiles();
            for (Caller caller : REFUSED) {
                HttpResponse<String> r = call(c, id, caller);
                assertThat(r.statusCode()).as(c.name() + " by " + caller.name()).isIn(401, 403);
                assertThat(server.json(r).get("error").asText()).isNotBlank();
            }
            Caller ingest = new Caller("the ingest token", new String[]{"X-INGEST-TOKEN", TestServer.INGEST});
            if (!c.ingestMayCall()) assertThat(call(c, id, ingest).statusCode()).as(c.name() + " by ingest").isEqualTo(401);
            assertThat(kit.snapshot(id)).as(c.name() + ": nothing changed").isEqualTo(before);
            assertThat(kit.latestEventId()).as(c.name() + ": no event").isEqualTo(events);
            assertThat(uploadedFiles()).as(c.name() + ": no file").isEqualTo(uploads);
        }
    }

    @Test
    void everyWritePassesWithTheAdminTokenOrAnAdminCookieWithTheCsrfHeader() {
        for (Call c : CALLS) {
            for (Caller caller : ADMINS) {
                String id = freshReport();
                HttpResponse<String> r = call(c, id, caller);
                assertThat(r.statusCode()).as(c.name() + " by " + caller.name() + ": " + r.body()).isEqualTo(c.success());
            }
        }
    }

    @Test
    void externalWorkersMayUploadWithTheIngestToken() {
        Call upload = CALLS.get(CALLS.size() - 1);
        HttpResponse<String> r = call(upload, "unused", new Caller("ingest", new String[]{"X-INGEST-TOKEN", TestServer.INGEST}));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(server.json(r).get("public_url").asText()).startsWith("/exports/images/uploads/");
    }

    @Test
    void withoutAConfiguredAdminTokenEveryWriteIsRefused() {
        try (TestServer open = TestServer.start(env -> env.remove("DEBUG_TOKEN"))) {
            HttpResponse<String> r = open.post("/api/set-image-display-mode", "{\"video_id\":\"yt:x\",\"mode\":\"og\"}",
                    "Authorization", "Bearer anything");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(open.json(r).get("error").asText()).isEqualTo("writes_disabled");
        }
    }

    private static long uploadedFiles() throws Exception {
        Path dir = ((dev.ytv2.files.LocalFileStore) server.running.services().files()).imagesDir().resolve("uploads");
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
