package dev.ytv2.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
                            (default 512); the others get clustered stand-in vectors of the same size
                            (ClusteredVectors: 1,000 topics), which a graph index finds neighbours in
                            as in a real library
              --clients N   concurrent HTTP clients (default 8)
              --seconds N   duration of each scenario (default 15)
              --recall N    queries of each kind for recall@10 against the exact answer (default 200; 0 skips)
            Use a data dir of its own, e.g. YTV2_DATA_DIR=./bench-data.
            """;

    private SemanticBench() {
    }

    public static int run(Config config, List<String> args) throws Exception {
        int reports = 100_000;
        int sample = 512;
        int clients = 8;
        int seconds = 15;
        int recallQueries = 200;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--reports" -> reports = Integer.parseInt(args.get(++i));
                case "--sample" -> sample = Integer.parseInt(args.get(++i));
                case "--clients" -> clients = Integer.parseInt(args.get(++i));
                case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                case "--recall" -> recallQueries = Integer.parseInt(args.get(++i));
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
            waitForIndex(server.port(), began, before);
            List<String> ids = server.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT video_id FROM report_embeddings ORDER BY random() LIMIT 2000").mapTo(String.class).list());
            Duration each = Duration.ofSeconds(seconds);
            driver.run("warm-up", clients, Duration.ofSeconds(Math.min(10, seconds)), r -> semantic("semantic", r));

            System.out.printf("%nembedding one new query (builtin, in this process, ONNX Runtime 1 intra-op thread per call):%n%s%n",
                    QueryEmbedCost.header());
            for (int threads : new int[]{1, 2, clients}) System.out.println(QueryEmbedCost.measure(model, threads, 400 / threads).row());

            if (recallQueries > 0) {
                List<String> all = server.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT video_id FROM report_embeddings WHERE model = :m").bind("m", model.model()).mapTo(String.class).list());
                System.out.printf("%nrecall@10 of the server's answers against an exact scan (load %s):%n", LoadAverage.now());
                System.out.println("| queries                                      | queries | recall@10 |\n"
                        + "|----------------------------------------------|---------|-----------|");
                for (SemanticRecall.Result res : new SemanticRecall("http://localhost:" + server.port())
                        .measure(server.database().jdbi(), model, all, recallQueries)) System.out.println(res.row());
            }

            List<String> repeated = new ArrayList<>();
            SplittableRandom fixed = new SplittableRandom(5);
            for (int i = 0; i < 64; i++) repeated.add(SyntheticLibrary.word(fixed) + " " + SyntheticLibrary.word(fixed) + " " + i);

            TimingBreakdown breakdown = new TimingBreakdown("http://localhost:" + server.port());
            System.out.printf("%nwhere the time goes (the server's Server-Timing phases):%n%s%n", TimingBreakdown.header());
            System.out.println(breakdown.row("semantic (new query each time)", 100, r -> semantic("semantic", r)));
            System.out.println(breakdown.row("semantic (cached query)", 100, r -> "/api/reports?search=semantic&q=" + enc(repeated.get(0))));
            System.out.println(breakdown.row("hybrid (new query each time)", 100, r -> semantic("hybrid", r)));
            System.out.println(breakdown.row("semantic, 2 filters", 100, r -> semantic("semantic", r) + "&source=youtube&language=en"));
            System.out.println(breakdown.row("keyword (no semantic phases)", 100, r -> "/api/reports?q="
                    + enc(SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r))));
            List<Scenario> scenarios = List.of(
                    new Scenario("semantic (new query each time)", r -> semantic("semantic", r), 50),
                    new Scenario("hybrid (new query each time)", r -> semantic("hybrid", r), 80),
                    new Scenario("semantic, 2 filters", r -> semantic("semantic", r) + "&source=youtube&language=en", 0),
                    new Scenario("related size=12", r -> "/api/reports/" + enc(ids.get(r.nextInt(ids.size()))) + "/related?size=12", 0),
                    new Scenario("/api/semantic-search hybrid topk=20", r -> "/api/semantic-search?topk=20&q="
                            + enc(SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r) + " " + r.nextInt(1000)), 0),
                    new Scenario("semantic, 64 repeated queries (cached)", r -> "/api/reports?search=semantic&q="
                            + enc(repeated.get(r.nextInt(repeated.size()))), 0),
                    new Scenario("hybrid, 64 repeated queries (cached)", r -> "/api/reports?search=hybrid&q="
                            + enc(repeated.get(r.nextInt(repeated.size()))), 0));
            CpuMeter cpu = CpuMeter.of(server);
            List<String> rows = new ArrayList<>();
            boolean errors = false;
            for (Scenario s : scenarios) {
                CpuMeter.Sample start = cpu.sample();
                LoadDriver.Stats st = driver.run(s.name(), clients, each, s.path());
                CpuMeter.Sample used = cpu.sample().minus(start);
                errors |= st.errors() > 0;
                String bar = s.p99Bar() <= 0 ? "-" : "< " + s.p99Bar();
                String met = s.p99Bar() <= 0 ? "" : st.errors() == 0 && st.percentileMs(99) < s.p99Bar() ? "yes" : "NO";
                rows.add(String.format("| %-38s | %6.0f | %7.2f | %7.2f | %5s | %-3s | %8.2f | %10.2f | %10.2f | %6s | %6d | %4s |",
                        s.name(), st.rps(), st.percentileMs(50), st.percentileMs(99), bar, met, st.percentileMs(100),
                        used.server(st) * 1000 / st.requests(), used.clients(st) * 1000 / st.requests(),
                        Double.isNaN(used.database()) ? "n/a" : String.format("%.2f", used.database() * 1000 / st.requests()),
                        st.errors(), LoadAverage.now()));
            }
            System.out.printf("%n%d reports, %d clients, %d s per scenario, %d cores; index: %s%n%n", reports, clients, seconds,
                    Runtime.getRuntime().availableProcessors(), status(server.port()).path("index_kind").asText());
            System.out.println("""
                    | scenario                               |  req/s | p50 ms  | p99 ms  |  bar  | met |  max ms  | server CPU | client CPU | db CPU | errors | load |
                    |----------------------------------------|--------|---------|---------|-------|-----|----------|------------|------------|--------|--------|------|""");
            rows.forEach(System.out::println);
            System.out.println("\nCPU ms per request: server, this process's CPU time but the load clients' (ONNX runs on the"
                    + " request's thread); client, the load clients'; db, the database's processes (when local).");
            System.out.println("query cache: " + status(server.port()).path("query_cache"));
            return errors ? 1 : 0;
        }
    }

    /** `p99Bar`: issue 14's bar in ms (0: none). */
    private record Scenario(String name, Function<SplittableRandom, String> path, int p99Bar) {
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
            fillClustered(db, model);
        }
    }

    /** Clustered stand-in vectors for every report still without one, written in bulk. */
    private static void fillClustered(Database db, EmbeddingProvider model) {
        long t0 = System.nanoTime();
        SplittableRandom r = new SplittableRandom(42);
        ClusteredVectors topics = new ClusteredVectors(42, 1_000, model.dimensions());
        int filled = 0;
        while (true) {
            List<String> ids = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT c.video_id FROM content c WHERE NOT EXISTS (SELECT 1 FROM report_embeddings e
                        WHERE e.video_id = c.video_id AND e.model = :m) LIMIT 5000""").bind("m", model.model()).mapTo(String.class).list());
            if (ids.isEmpty()) break;
            db.jdbi().useTransaction(h -> {
                var batch = h.prepareBatch("""
                        INSERT INTO report_embeddings (video_id, model, dimensions, vector, source_hash, content_updated_at)
                        SELECT :id, :m, :d, :v, 'bench-clustered', updated_at FROM content WHERE video_id = :id""");
                for (String id : ids) {
                    batch.bind("id", id).bind("m", model.model()).bind("d", model.dimensions()).bind("v", bytes(topics.next(r))).add();
                }
                batch.execute();
            });
            filled += ids.size();
        }
        if (filled > 0) System.out.printf("filled %d reports with clustered vectors in %.1f s%n", filled, (System.nanoTime() - t0) / 1e9);
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    /** Until searches are answered, then until the graph (if any) is built and its codes trained: the two start-up figures. */
    private static void waitForIndex(int port, long began, long heapBefore) throws Exception {
        JsonNode st;
        while (!(st = status(port)).path("available").asBoolean()) Thread.sleep(200);
        System.out.printf("index: %d vectors read from the table in %.1f s (load %s)%n", st.path("indexed").asLong(),
                (System.nanoTime() - began) / 1e9, LoadAverage.now());
        long building = System.nanoTime();
        while ((st = status(port)).path("index_kind").asText().contains("being")) Thread.sleep(200);
        System.out.printf("index: %s after a further %.1f s (load %s); %.1f MB by its own count; heap grew by about %d MB%n",
                st.path("index_kind").asText(), (System.nanoTime() - building) / 1e9, LoadAverage.now(),
                st.path("index_bytes").asLong() / 1048576.0, (usedHeap() - heapBefore) / (1024 * 1024));
    }

    private static JsonNode status(int port) throws Exception {
        var body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/semantic/status")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
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
