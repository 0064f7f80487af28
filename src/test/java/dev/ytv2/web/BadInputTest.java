package dev.ytv2.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx with `{error, message}` and changes nothing. */
@DbTest
class BadInputTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.ingest(server.object().put("video_id", "yt:badinput001").put("title", "Existing"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/reports?sort=random|400|invalid_sort",
            "/api/reports?page=0|400|invalid_page",
            "/api/reports?page=-3|400|invalid_page",
            "/api/reports?page=abc|400|invalid_page",
            "/api/reports?size=10000|400|invalid_size",
            "/api/reports?size=0|400|invalid_size",
            "/api/reports?size=1&size=2|400|invalid_size",
            "/api/reports?has_audio=maybe|400|invalid_filter",
            "/api/reports?date_from=yesterday|400|invalid_date",
            "/api/reports?date_to=2024-13-45|400|invalid_date",
            "/api/reports?ids=%3Cscript%3E|400|invalid_id",
            "/api/filters?sort=nope|400|invalid_sort",
            "/api/filters?has_audio=2|400|invalid_filter",
            "/api/reports/yt:unknown0000|404|not_found",
            "/api/reports/%3Cscript%3E|400|invalid_id",
            "/api/nothing-here|404|not_found",
    })
    void badQueriesAreRefusedClearly(String path, int status, String code) {
        HttpResponse<String> r = server.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        JsonNode body = server.json(r);
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at dev.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q", "source", "channel"})
    void overLongValuesAreRefused(String param) {
        HttpResponse<String> r = server.get("/api/reports?" + param + "=" + "x".repeat(400));
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json|invalid_json",
            "[]|invalid_json",
            "\"text\"|invalid_json",
            "{}|missing_field",
            "{\"video_id\": 42}|invalid_field",
            "{\"video_id\": \"../../etc/passwd\"}|invalid_id",
            "{\"video_id\": \"yt:badinput001\", \"title\": 7}|invalid_field",
            "{\"video_id\": \"yt:badinput001\", \"duration_seconds\": \"long\"}|invalid_field",
            "{\"video_id\": \"yt:badinput001\", \"duration_seconds\": -5}|invalid_field",
            "{\"video_id\": \"yt:badinput001\", \"published_at\": \"last tuesday\"}|invalid_date",
            "{\"video_id\": \"yt:badinput001\", \"analysis_json\": \"{broken\"}|invalid_field",
            "{\"video_id\": \"yt:badinput001\", \"analysis_json\": [1, 2]}|invalid_field",
            "{\"video_id\": \"yt:badinput001\", \"thumbnail_url\": \"javascript:alert(1)\"}|invalid_url",
            "{\"video_id\": \"yt:badinput001\", \"canonical_url\": \"data:text/html,x\"}|invalid_url",
            "{\"video_id\": \"yt:badinput001\", \"summary_variants\": {}}|invalid_field",
            "{\"video_id\": \"yt:badinput001\", \"summary_variants\": [{\"text\": \"no name\"}]}|missing_field",
            "{\"video_id\": \"yt:badinput001\", \"content_source\": \"you tube!\"}|invalid_field",
    })
    void badIngestBodiesAreRefusedAndChangeNothing(String body, String code) {
        String before = server.get("/api/reports/yt:badinput001").body();
        HttpResponse<String> r = server.post("/ingest/report", body, "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        assertThat(server.json(r).get("error").asText()).isEqualTo(code);
        assertThat(server.get("/api/reports/yt:badinput001").body()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 5000})
    void overLongStringFieldsAreRefused(int extra) {
        String title = "t".repeat(1000 + extra);
        HttpResponse<String> r = server.post("/ingest/report", "{\"video_id\": \"yt:badinput002\", \"title\": \"" + title + "\"}",
                "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(server.json(r).get("error").asText()).isEqualTo("field_too_long");
        assertThat(server.get("/api/reports/yt:badinput002").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 200})
    void deeplyNestedJsonIsRefused(int depth) {
        String body = "{\"video_id\": \"yt:badinput003\", \"analysis_json\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        HttpResponse<String> r = server.post("/ingest/report", body, "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(r.statusCode()).isEqualTo(400);
    }
}
