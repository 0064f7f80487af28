package dev.ytv2.bench;

import dev.ytv2.Config;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** `ytv2 bench <name> [options]`: measurements from docs/BENCHMARKS.md. Add a benchmark with one line below. */
public final class BenchCommand {
    private static final Map<String, BiFunction<Config, List<String>, Integer>> BENCHES = Map.of(
            "events", EventStreamBench::run);

    private BenchCommand() {
    }

    public static int run(Config config, List<String> args) {
        if (args.isEmpty() || !BENCHES.containsKey(args.get(0))) {
            System.err.println("Usage: ytv2 bench <" + String.join("|", BENCHES.keySet()) + "> [options]\n"
                    + "  events [--clients N] [--events N] [--interval-ms N]   event stream delivery latency");
            return args.isEmpty() || List.of("--help", "-h").contains(args.get(0)) ? 0 : 2;
        }
        return BENCHES.get(args.get(0)).apply(config, args.subList(1, args.size()));
    }
}
