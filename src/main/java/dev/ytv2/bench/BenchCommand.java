package dev.ytv2.bench;

import dev.ytv2.app.Config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** `ytv2 bench <name> [options]`: the measurements in docs/BENCHMARKS.md. Add a benchmark with one line below. */
public final class BenchCommand {
    interface Bench {
        int run(Config config, List<String> args) throws Exception;
    }

    private static final Map<String, Bench> BENCHES = new TreeMap<>(Map.of(
            "events", EventStreamBench::run,
            "reports", ReportsBench::run,
            "render", RenderBench::run,
            "semantic", SemanticBench::run,
            "vector-index", VectorIndexBench::run,
            "soak", SoakBench::run));
    private BenchCommand() {
    }

    public static int run(Config config, List<String> args) throws Exception {
        if (args.isEmpty() || !BENCHES.containsKey(args.get(0))) {
            System.err.println("Usage: ytv2 bench <" + String.join("|", BENCHES.keySet()) + "> [options]   ('ytv2 bench <name> --help')");
            return args.isEmpty() || List.of("--help", "-h").contains(args.get(0)) ? 0 : 2;
        }
        return BENCHES.get(args.get(0)).run(config, args.subList(1, args.size()));
    }
}
