package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.http.ApiError;
import dev.ytv2.http.Json;
import io.javalin.http.Context;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * `POST /api/reprocess`: asks YTV2's processing backend (BACKEND_API_URL) to summarise a report
 * again. The request is checked here and forwarded as it is; the worker later re-ingests the report,
 * and the usual `report-updated` event updates every open browser.
 */
public final class ReprocessRoutes {
    private static final Pattern SUMMARY_TYPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Optional<URI> backend;
    private final Optional<String> token;
    private final ReportStore reports;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final HttpClient http;

    public ReprocessRoutes(Optional<String> backendUrl, Optional<String> token, ReportStore reports, ObjectMapper mapper,
                           Duration timeout) {
        this.backend = backendUrl.map(u -> URI.create(u.replaceAll("/+$", "") + "/api/reprocess"));
        this.token = token;
        this.reports = reports;
        this.mapper = mapper;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public void reprocess(Context ctx) throws InterruptedException {
        ObjectNode body = Json.parseObject(mapper, ctx.bodyAsBytes());
        String id = ReportIds.validate(body.path("video_id").isTextual() ? body.get("video_id").asText() : null);
        ObjectNode forward = mapper.createObjectNode().put("video_id", reports.resolve(id)
                .orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'.")));
        JsonNode audio = body.get("regenerate_audio");
        if (audio != null && !audio.isNull()) {
            if (!audio.isBoolean()) throw ApiError.badRequest("invalid_field", "'regenerate_audio' must be true or false.");
            forward.put("regenerate_audio", audio.asBoolean());
        }
        JsonNode types = body.get("summary_types");
        if (types != null && !types.isNull()) {
            if (!types.isArray() || types.size() > 20) throw ApiError.badRequest("invalid_field", "'summary_types' must be a list of summary types.");
            ArrayNode out = forward.putArray("summary_types");
            for (JsonNode t : types) {
                if (!t.isTextual() || !SUMMARY_TYPE.matcher(t.asText()).matches()) {
                    throw ApiError.badRequest("invalid_field", "'summary_types' holds something that is not a summary type.");
                }
                out.add(t.asText());
            }
        }
        URI target = backend.orElseThrow(() -> new ApiError(503, "backend_not_configured",
                "Re-summarising needs the processing backend: set BACKEND_API_URL."));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(forward.toString()));
        token.ifPresent(t -> request.header("X-Reprocess-Token", t));
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ApiError(504, "backend_timeout", "The processing backend did not answer within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            throw new ApiError(502, "backend_unreachable", "The processing backend cannot be reached.");
        }
        JsonNode backendBody = parse(answer.body());
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            ObjectNode ok = backendBody.isObject() ? (ObjectNode) backendBody : mapper.createObjectNode();
            ctx.status(status).json(ok.put("ok", true).put("video_id", forward.get("video_id").asText()));
        } else if (status >= 400 && status < 500) {
            String message = backendBody.path("message").asText(backendBody.path("error").asText("The processing backend refused the request."));
            ctx.status(status).json(mapper.createObjectNode().put("error", backendBody.path("error").isTextual()
                    ? backendBody.get("error").asText() : "backend_refused").put("message", message));
        } else {
            throw new ApiError(502, "backend_error", "The processing backend failed (HTTP " + status + ").");
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode n = bytes.length == 0 ? null : mapper.readTree(bytes);
            return n == null ? mapper.createObjectNode() : n;
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}
