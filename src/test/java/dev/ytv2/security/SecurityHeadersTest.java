package dev.ytv2.security;

import dev.ytv2.files.MediaType;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.RawHttp;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of answer carries a strict CSP (no inline script), nosniff, frame denial and a referrer policy. */
@DbTest
class SecurityHeadersTest {
    static TestServer server;
    static String image;
    static String asset;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        image = server.running.services().files().save(MediaType.PNG, "tests", Multipart.png());
        Matcher m = Pattern.compile("(/static/[0-9a-f]+/[a-z-]+\\.js)").matcher(server.get("/").body());
        asset = m.find() ? m.group(1) : "/static/missing";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> targets() {
        return Stream.of("/", "ASSET", "/api/reports", "/api/reports?sort=nope", "/api/reports/yt:missing0001", "/api/filters",
                "/api/session", "/health", "/no-such-page", "/static/0/none.js", "IMAGE", "/exports/images/../x", "/%ED%A0%80",
                "/api/report-events");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void everyAnswerCarriesTheSecurityHeaders(String target) {
        String path = target.equals("ASSET") ? asset : target.equals("IMAGE") ? image : target;
        HttpResponse<String> r = RawHttp.get(server.base, path);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(path).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
        String scriptSrc = directive(csp, "script-src");
        assertThat(scriptSrc).as(path).isEqualTo("script-src 'self'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(path).isPresent().get().isIn("same-origin", "no-referrer", "strict-origin");
    }

    @Test
    void thePageItselfHasNoInlineScriptOrHandlers() {
        String html = server.get("/").body();
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
        assertThat(html).doesNotContain("javascript:");
    }

    private static String directive(String csp, String name) {
        return List.of(csp.split(";")).stream().map(String::trim).filter(d -> d.startsWith(name + " ")).findFirst().orElse("");
    }
}
