package dev.ytv2.bench;

import dev.ytv2.app.Config;
import dev.ytv2.semantic.GraphVectorIndex;
import dev.ytv2.semantic.VectorIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * `ytv2 bench vector-index`: the in-process indexes alone, no server: for each library size, the
 * graph's build time and memory, one search's time in the exact scan and in the graph (top 100, one
 * thread), and the graph's recall@10 against the exact answer. Where the two times cross is where
 * YTV2_SEMANTIC_EXACT_BELOW's default comes from.
 */
public final class VectorIndexBench {
    public static final String HELP = """
            Usage: ytv2 bench vector-index [--sizes N,N,...] [--dims N] [--queries N] [--beam N]
                                     [--degree N] [--build-beam N] [--codes on|off]

              --sizes N,..  library sizes (default 1000,2000,5000,10000,20000,100000)
              --dims N      dimensions (default 384, the builtin model's)
              --queries N   queries per size (default 200)
              --beam N      the graph's search beam (default YTV2_SEMANTIC_SEARCH_BEAM's, 200)
              --degree N    the graph's maximum degree (default the server's)
              --build-beam N  the beam that links each node while building (default the server's)
              --codes on|off  walk the graph on product codes, then rescore exactly (default on, as the server)
            Vectors are ClusteredVectors (1,000 topics); queries are reports' vectors with noise of half
            their length (a search near a report), and, for recall only, random unit vectors (a query
            about nothing in the library).
            """;

    private VectorIndexBench() {
    }

    public static int run(Config config, List<String> args) throws Exception {
        List<Integer> sizes = List.of(1_000, 2_000, 5_000, 10_000, 20_000, 100_000);
        int dims = 384;
        int queries = 200;
        GraphVectorIndex.Settings defaults = GraphVectorIndex.Settings.DEFAULTS;
        int beam = defaults.searchBeam();
        int degree = defaults.maxDegree();
        int buildBeam = defaults.buildBeam();
        boolean codes = defaults.productCodes();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--sizes" -> sizes = java.util.Arrays.stream(args.get(++i).split(",")).map(String::trim).map(Integer::parseInt).toList();
                case "--dims" -> dims = Integer.parseInt(args.get(++i));
                case "--queries" -> queries = Integer.parseInt(args.get(++i));
                case "--beam" -> beam = Integer.parseInt(args.get(++i));
                case "--degree" -> degree = Integer.parseInt(args.get(++i));
                case "--build-beam" -> buildBeam = Integer.parseInt(args.get(++i));
                case "--codes" -> codes = !args.get(++i).equals("off");
                default -> {
                    System.out.print(HELP);
                    return args.get(i).equals("--help") ? 0 : 2;
                }
            }
        }
        GraphVectorIndex.Settings settings = defaults.withExactBelow(0).withSearchBeam(beam).withGraph(degree, buildBeam).withProductCodes(codes);
        System.out.printf("%d dimensions, max degree %d, build beam %d, search beam %d, product codes %s, %d cores%n%n", dims, degree,
                buildBeam, beam, codes ? "on" : "off", Runtime.getRuntime().availableProcessors());
        System.out.println("| vectors | graph build s | graph MB | exact top-100 ms | graph top-100 ms | recall@10 near | recall@10 random | load |");
        System.out.println("|---------|---------------|----------|------------------|------------------|----------------|------------------|------|");
        ForkJoinPool pool = GraphVectorIndex.buildPool();
        try {
            for (int n : sizes) System.out.println(one(n, dims, queries, settings, pool));
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private static String one(int n, int dims, int queries, GraphVectorIndex.Settings settings, ForkJoinPool pool) {
        SplittableRandom r = new SplittableRandom(n);
        ClusteredVectors topics = new ClusteredVectors(42, 1_000, dims);
        float[][] data = new float[n][];
        GraphVectorIndex graph = new GraphVectorIndex(dims, settings, pool);
        VectorIndex exact = new VectorIndex(dims);
        exact.reserve(n);
        graph.reserve(n);
        for (int i = 0; i < n; i++) {
            data[i] = topics.next(r);
            graph.put("r" + i, data[i]);
            exact.put("r" + i, data[i]);
        }
        long t0 = System.nanoTime();
        graph.loaded();
        double build = (System.nanoTime() - t0) / 1e9;

        List<float[]> near = new ArrayList<>();
        List<float[]> random = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            near.add(ClusteredVectors.near(r, data[r.nextInt(n)], 0.5));
            random.add(ClusteredVectors.gaussianUnit(r, dims));
        }
        // Warm both up, then time them one after the other on the same queries.
        for (int q = 0; q < Math.min(50, queries); q++) {
            exact.nearest(near.get(q), 100, id -> true);
            graph.nearest(near.get(q), 100, id -> true);
        }
        double exactMs = time(near, v -> exact.nearest(v, 100, id -> true));
        double graphMs = time(near, v -> graph.nearest(v, 100, id -> true));
        return String.format("| %7d | %13.1f | %8.1f | %16.2f | %16.2f | %14.3f | %16.3f | %4s |", n, build, graph.bytes() / 1048576.0,
                exactMs, graphMs, recall(near, exact, graph), recall(random, exact, graph), LoadAverage.now());
    }

    private static double time(List<float[]> queries, java.util.function.Consumer<float[]> search) {
        long t0 = System.nanoTime();
        queries.forEach(search);
        return (System.nanoTime() - t0) / 1e6 / queries.size();
    }

    private static double recall(List<float[]> queries, VectorIndex exact, GraphVectorIndex graph) {
        double found = 0;
        for (float[] q : queries) {
            Set<String> truth = new HashSet<>();
            exact.nearest(q, 10, id -> true).forEach(h -> truth.add(h.videoId()));
            found += graph.nearest(q, 10, id -> true).stream().filter(h -> truth.contains(h.videoId())).count() / 10.0;
        }
        return found / queries.size();
    }
}
