package dev.ytv2.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.S3ProxyServer;
import dev.ytv2.support.ServerProcess;
import dev.ytv2.support.SseTestClient;
import dev.ytv2.support.TestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Render-to-visible across two servers, the README's multi-machine set-up on one machine: one
 * PostgreSQL, one bucket (S3Proxy), server A (this JVM), server B and two `ytv2 worker`s (their own
 * JVMs, builtin renderer at the default 1024x576). For each render: from the POST of a prompt on A
 * to B's event stream delivering `image-variant-added`, and to the image fetched whole from B.
 *
 * Run: mvn -q -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.ytv2.bench.CrossServerRenderBench
 *      -Dexec.args="[renders] [warm-up]"   (defaults 20 3)
 */
public final class CrossServerRenderBench {
    private CrossServerRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        S3ProxyServer s3 = new S3ProxyServer(true);
        s3.beforeAll(null);
        List<ServerProcess> processes = new ArrayList<>();
        try {
            String bucket = s3.newBucket();
            Map<String, String> env = new HashMap<>();
            s3.configure(env, bucket, "bench");
            try (TestServer a = TestServer.start(e -> e.putAll(env))) {
                ServerProcess b = ServerProcess.start(a.databaseUrl, ServerProcess.freePort(), Files.createTempDirectory("ytv2-bench-b-"), env);
                processes.add(b);
                Map<String, String> workerEnv = new HashMap<>(env);
                workerEnv.put("YTV2_IMAGE_BACKENDS", "builtin");
                for (int i = 0; i < 2; i++) {
                    processes.add(ServerProcess.startWorker(a.databaseUrl, Files.createTempDirectory("ytv2-bench-worker-"), workerEnv));
                }
                HttpClient http = HttpClient.newHttpClient();
                double[] onA = new double[renders];
                double[] event = new double[renders];
                double[] visible = new double[renders];
                double[] render = new double[renders];
                try (SseTestClient stream = SseTestClient.open(b.base, "/api/report-events");
                     SseTestClient streamA = SseTestClient.open(a.base, "/api/report-events")) {
                    for (int i = 0; i < warm + renders; i++) {
                        String id = "yt:xbench" + String.format(Locale.ROOT, "%05d", i);
                        a.ingest(a.object().put("video_id", id).put("title", "Lighthouse number " + i).put("channel_name", "Bench"));
                        int seen = stream.events.size();
                        int seenA = streamA.events.size();
                        long t0 = System.nanoTime();
                        var asked = a.post("/api/set-image-prompt", a.object().put("video_id", id).put("mode", "ai2")
                                .put("prompt", "a lighthouse on a cliff at dusk, watercolor, number " + i).toString(),
                                "Authorization", "Bearer " + TestServer.ADMIN);
                        if (asked.statusCode() != 200) throw new IllegalStateException(asked.body());
                        Arrival arrival = awaitVariant(streamA, seenA, stream, seen, id, a);
                        String url = arrival.url();
                        long t1 = arrival.onB();
                        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(b.base + url)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        long t2 = System.nanoTime();
                        if (image.statusCode() != 200) throw new IllegalStateException("B answered " + image.statusCode() + " for " + url);
                        if (i < warm) continue;
                        int k = i - warm;
                        event[k] = (t1 - t0) / 1e6;
                        onA[k] = (arrival.onA() - t0) / 1e6;
                        visible[k] = (t2 - t0) / 1e6;
                        render[k] = a.running.database().jdbi().withHandle(h -> h.createQuery("""
                                        SELECT extract(epoch FROM finished_at - started_at) * 1000 FROM image_jobs
                                        WHERE video_id = :id AND mode = 'ai2' AND state = 'done'""")
                                .bind("id", id).mapTo(Double.class).one());
                        System.out.printf(Locale.ROOT, "render %2d: event on A %6.0f ms, on B %6.0f ms, image from B %6.0f ms (worker's claim to commit %5.0f ms, %d KB)%n",
                                k + 1, onA[k], event[k], visible[k], render[k], image.body().length / 1024);
                    }
                }
                System.out.printf(Locale.ROOT, "%d renders, load average %s%n", renders, LoadAverage.now());
                row("POST on A -> image-variant-added on A's stream", onA);
                row("POST on A -> image-variant-added on B's stream", event);
                row("POST on A -> image fetched whole from B", visible);
                row("of which: worker's claim to commit (render, PUT, commit)", render);
            }
        } finally {
            processes.forEach(ServerProcess::close);
            s3.afterAll(null);
        }
        System.exit(0);
    }

    /** When each stream read the report's `image-variant-added` (System.nanoTime), and the new image's URL. */
    record Arrival(String url, long onA, long onB) {
    }

    private static Arrival awaitVariant(SseTestClient a, int fromA, SseTestClient b, int fromB, String id, TestServer server) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long onA = 0;
        long onB = 0;
        String url = null;
        while (System.nanoTime() < deadline) {
            if (onA == 0 && find(a, fromA, id, server) != null) onA = System.nanoTime();
            if (onB == 0 && (url = find(b, fromB, id, server)) != null) onB = System.nanoTime();
            if (onA != 0 && onB != 0) return new Arrival(url, onA, onB);
            Thread.sleep(1); // a benchmark's poll, not a test's wait: a millisecond of resolution is enough here
        }
        throw new IllegalStateException("no image-variant-added for " + id + " on both servers within 60 s");
    }

    private static String find(SseTestClient stream, int from, String id, TestServer server) throws Exception {
        for (int i = from; i < stream.events.size(); i++) {
            SseTestClient.Event e = stream.events.get(i);
            if (!e.type().equals("image-variant-added")) continue;
            JsonNode data = server.mapper.readTree(e.data());
            if (data.path("video_id").asText().equals(id)) return data.path("variant").path("url").asText();
        }
        return null;
    }

    private static void row(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-58s median %6.0f ms, p95 %6.0f ms, max %6.0f ms%n", what,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    /** Nearest rank. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
