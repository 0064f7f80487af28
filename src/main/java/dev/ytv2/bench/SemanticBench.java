package dev.ytv2.bench;

import dev.ytv2.Main;
import dev.ytv2.Main;
import dev.ytv2.app.Config;
import dev.ytv2.app.Wiring;
import dev.ytv2.db.Database;
import dev.ytv2.semantic.BuiltinEmbeddings;
import dev.ytv2.semantic.EmbedWorker;
import dev.ytv2.semantic.EmbeddingProvider;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * `ytv2 bench semantic`: builtin embedding throughput through the job queue, measured on a sample
 * and extrapolated to the whole library; then, with every report holding a vector, the start-up
 * load of the in-process index, its memory, and semantic, hybrid and related latency under
 * concurrent clients.
 */
public final class SemanticBench {
    public static final String HELP = """
            Usage: ytv2 bench semantic [--reports N] [--sample N] [--clients N] [--seconds N]

              --reports N   library size (default 100000; synthetic reports loaded once, kept)
              --sample N    reports embedded for real with the builtin model to measure throughput
                            (default 512); the others get random unit vectors of the same size, which
                            cost an exact index exactly as much to search
              --clients N   concurrent HTTP clients (default 8)
              --seconds N   duration of each scenario (default 15)
            Use a data dir of its own, e.g. YTV2_DATA_DIR=./bench-data.
            """;

    private SemanticBench() {
    }

    public static int run(Config config, List<String> args) throws Exception {
        int reports = 100_000;
        int sample = 512;
        int clients = 8;
        int seconds = 15;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--reports" -> reports = Integer.parseInt(args.get(++i));
                case "--sample" -> sample = Integer.parseInt(args.get(++i));
                case "--clients" -> clients = Integer.parseInt(args.get(++i));
                case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                default -> {
                    System.out.print(HELP);
                    return args.get(i).equals("--help") ? 0 : 2;
                }
            }
        }
        BuiltinEmbeddings model = new BuiltinEmbeddings(config.semantic().batchSize());
        prepare(config, model, reports, sample);
        long before = usedHeap();
        long began = System.nanoTime();
        try (Wiring.Running server = Wiring.startServer(config.withPort(0))) {
            LoadDriver driver = new LoadDriver("http://localhost:" + server.port());
            waitForIndex(driver, server.port());
            System.out.printf("index: loaded in %.1f s; heap grew by about %d MB%n", (System.nanoTime() - began) / 1e9,
                    (usedHeap() - before) / (1024 * 1024));
            List<String> ids = server.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT video_id FROM report_embeddings ORDER BY random() LIMIT 2000").mapTo(String.class).list());
            Duration each = Duration.ofSeconds(seconds);
            driver.run("warm-up", clients, Duration.ofSeconds(Math.min(10, seconds)), r -> semantic("semantic", r));
            List<LoadDriver.Stats> results = new ArrayList<>();
            List<Scenario> scenarios = List.of(
                    new Scenario("semantic (new query each time)", r -> semantic("semantic", r)),
                    new Scenario("hybrid (new query each time)", r -> semantic("hybrid", r)),
                    new Scenario("semantic, 2 filters", r -> semantic("semantic", r) + "&source=youtube&language=en"),
                    new Scenario("related size=12", r -> "/api/reports/" + enc(ids.get(r.nextInt(ids.size()))) + "/related?size=12"),
                    new Scenario("/api/semantic-search hybrid topk=20", r -> "/api/semantic-search?topk=20&q="
                            + enc(SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r) + " " + r.nextInt(1000))));
            for (Scenario s : scenarios) results.add(driver.run(s.name(), clients, each, s.path()));
            System.out.printf("%n%d reports, %d clients, %d s per scenario, %d cores%n%n", reports, clients, seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.println(LoadDriver.header());
            results.forEach(r -> System.out.println(r.row()));
            return results.stream().anyMatch(r -> r.errors() > 0) ? 1 : 0;
        }
    }

    private record Scenario(String name, Function<SplittableRandom, String> path) {
    }

    /** Two random words and a number: no two requests share a query, so each embeds its own. */
    private static String semantic(String mode, SplittableRandom r) {
        return "/api/reports?search=" + mode + "&q=" + enc(SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r) + " " + r.nextInt(100_000));
    }

    private static void prepare(Config config, BuiltinEmbeddings model, int reports, int sample) throws Exception {
        try (Database db = Database.open(config.databaseUrl(), config.dataDir(), 4)) {
            long have = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report_index").mapTo(Long.class).one());
            if (have < reports) {
                long t0 = System.nanoTime();
                SyntheticLibrary.load(db.jdbi(), (int) (reports - have), System.nanoTime());
                System.out.printf("loaded %d synthetic reports in %.1f s%n", reports - have, (System.nanoTime() - t0) / 1e9);
            }
            Wiring.Services s = Wiring.services(config, db);
            List<String> sampleIds = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT c.video_id FROM content c WHERE NOT EXISTS (SELECT 1 FROM report_embeddings e
                        WHERE e.video_id = c.video_id AND e.model = :m) ORDER BY c.video_id LIMIT :n""")
                    .bind("m", model.model()).bind("n", sample).mapTo(String.class).list());
            if (!sampleIds.isEmpty()) {
                db.jdbi().useTransaction(h -> s.jobs().enqueueAll(h, sampleIds, dev.ytv2.jobs.Job.EMBED, model.model(), "bench"));
                EmbedWorker worker = Wiring.embedWorker(config, db, s, model, "bench");
                model.embed(List.of("warm the model up"));
                long t0 = System.nanoTime();
                while (worker.runBatch() > 0) {
                    // through the queue, as the worker does
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                double rate = sampleIds.size() / secs;
                System.out.printf("builtin: embedded %d reports through the job queue in %.1f s: %.1f reports/s on %d cores;"
                                + " %d reports would take about %.0f min%n", sampleIds.size(), secs, rate,
                        Runtime.getRuntime().availableProcessors(), reports, reports / rate / 60);
            }
            fillRandom(db, model, reports);
        }
    }

    /** Random unit vectors for every report still without one, written in bulk. */
    private static void fillRandom(Database db, EmbeddingProvider model, int reports) {
        long t0 = System.nanoTime();
        SplittableRandom r = new SplittableRandom(42);
        int filled = 0;
        while (true) {
            List<String> ids = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT c.video_id FROM content c WHERE NOT EXISTS (SELECT 1 FROM report_embeddings e
                        WHERE e.video_id = c.video_id AND e.model = :m) LIMIT 5000""").bind("m", model.model()).mapTo(String.class).list());
            if (ids.isEmpty()) break;
            db.jdbi().useTransaction(h -> {
                var batch = h.prepareBatch("""
                        INSERT INTO report_embeddings (video_id, model, dimensions, vector, source_hash, content_updated_at)
                        SELECT :id, :m, :d, :v, 'bench', updated_at FROM content WHERE video_id = :id""");
                for (String id : ids) {
                    batch.bind("id", id).bind("m", model.model()).bind("d", model.dimensions()).bind("v", randomUnit(r, model.dimensions())).add();
                }
                batch.execute();
            });
            filled += ids.size();
        }
        if (filled > 0) System.out.printf("filled %d reports with random unit vectors in %.1f s%n", filled, (System.nanoTime() - t0) / 1e9);
    }

    private static byte[] randomUnit(SplittableRandom r, int dims) {
        float[] v = new float[dims];
        double sum = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
            sum += v[i] * v[i];
        }
        ByteBuffer b = ByteBuffer.allocate(dims * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat((float) (x / Math.sqrt(sum)));
        return b.array();
    }

    private static void waitForIndex(LoadDriver driver, int port) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        while (true) {
            var body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/semantic/status")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            var status = mapper.readTree(body);
            if (status.path("available").asBoolean()) {
                System.out.printf("index: %d vectors, %.1f MB of vectors and ids%n", status.path("indexed").asLong(),
                        status.path("index_bytes").asLong() / 1048576.0);
                return;
            }
            Thread.sleep(200);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
