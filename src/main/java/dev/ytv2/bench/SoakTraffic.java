package dev.ytv2.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The soak's requests: reads of every kind (lists with varied filters, facets, details), image
 * writes with the admin token, and ingest of new and updated reports. Each call reports its latency
 * and whether it failed (anything but a 2xx, or no answer).
 */
final class SoakTraffic {
    interface Recorder {
        void record(long micros, boolean failed, String what);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final List<String> ids;
    private final Recorder recorder;

    SoakTraffic(String base, String token, List<String> ids, Recorder recorder) {
        this.base = base;
        this.token = token;
        this.ids = ids;
        this.recorder = recorder;
    }

    void read(SplittableRandom r) {
        int kind = r.nextInt(10);
        String path;
        if (kind < 5) path = "/api/reports?" + filters(r) + "&page=" + (1 + r.nextInt(5));
        else if (kind < 7) path = "/api/filters?" + filters(r);
        else path = "/api/reports/" + enc(ids.get(r.nextInt(ids.size())));
        send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path.substring(0, Math.min(path.length(), 60)));
    }

    private static String filters(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> "sort=added_desc";
            case 1 -> "source=" + pick(r, SyntheticLibrary.SOURCES) + "&category=" + enc(pick(r, SyntheticLibrary.CATEGORIES));
            case 2 -> "language=" + pick(r, SyntheticLibrary.LANGUAGES) + "&has_audio=true&sort=title_asc";
            case 3 -> "q=" + SyntheticLibrary.word(r);
            case 4 -> "q=" + enc(SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r)) + "&content_type=" + pick(r, SyntheticLibrary.TYPES);
            default -> "summary_type=" + pick(r, SyntheticLibrary.VARIANTS) + "&sort=published_desc";
        };
    }

    /** One image write on a random report: a display mode, or a prompt (which also queues a render request). */
    void imageWrite(SplittableRandom r) {
        String id = ids.get(r.nextInt(ids.size()));
        String body = r.nextBoolean()
                ? "{\"video_id\":\"" + id + "\",\"mode\":" + pick(r, List.of("\"og\"", "\"ai1\"", "\"ai2\"", "null")) + "}"
                : "{\"video_id\":\"" + id + "\",\"mode\":\"" + pick(r, List.of("ai1", "ai2")) + "\",\"prompt\":\"soak " + r.nextInt(1000) + "\"}";
        String path = body.contains("prompt") ? "/api/set-image-prompt" : "/api/set-image-display-mode";
        send(post(path, body), path);
    }

    /** Ingest of a new report, or a re-ingest of one added earlier in the soak. */
    void ingest(SplittableRandom r, int n) {
        int which = n > 10 && r.nextInt(4) == 0 ? r.nextInt(n) : n;
        String body = "{\"video_id\":\"yt:soak" + which + "\",\"title\":\"Soak report " + which + " " + SyntheticLibrary.word(r)
                + "\",\"channel_name\":\"Soak\",\"analysis_json\":{\"category\":[\"" + pick(r, SyntheticLibrary.CATEGORIES)
                + "\"]},\"summary_variants\":[{\"variant\":\"comprehensive\",\"text\":\"Soak text " + r.nextInt() + "\"}]}";
        send(post("/ingest/report", body), "/ingest/report");
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private void send(HttpRequest.Builder request, String what) {
        long t0 = System.nanoTime();
        boolean failed;
        String detail = what;
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            failed = answer.statusCode() / 100 != 2;
            if (failed) detail = what + " -> " + answer.statusCode() + " " + answer.body();
        } catch (Exception e) {
            failed = true;
            detail = what + " -> " + e;
        }
        recorder.record((System.nanoTime() - t0) / 1000, failed, detail);
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
