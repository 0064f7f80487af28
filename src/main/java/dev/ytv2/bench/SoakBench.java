package dev.ytv2.bench;

import dev.ytv2.app.Config;
import dev.ytv2.app.Wiring;

import java.time.Duration;
import java.util.List;

/**
 * `ytv2 bench soak`: a long mixed run against a large library (reads, image writes, ingest, 200
 * event streams), to show that errors stay at zero, latency holds and memory does not grow.
 */
final class SoakBench {
    static final String HELP = """
            Usage: ytv2 bench soak [--minutes N] [--reports N] [--streams N] [--readers N]

              --minutes N   how long to run (default 10); figures are printed per minute
              --reports N   library size (default 100000; synthetic, loaded once and kept)
              --streams N   open event streams (default 200)
              --readers N   concurrent reading clients (default 4), besides one image writer (10/s)
                            and one ingest client (2/s)
            Data lives in $YTV2_DATA_DIR (use a separate one, e.g. YTV2_DATA_DIR=./bench-data) or in
            DATABASE_URL's database. Exits 0 only with zero errors and every stream holding every event.
            """;

    private SoakBench() {
    }

    static int run(Config config, List<String> args) throws Exception {
        int minutes = 10;
        int reports = 100_000;
        int streams = 200;
        int readers = 4;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--minutes" -> minutes = Integer.parseInt(args.get(++i));
                case "--reports" -> reports = Integer.parseInt(args.get(++i));
                case "--streams" -> streams = Integer.parseInt(args.get(++i));
                case "--readers" -> readers = Integer.parseInt(args.get(++i));
                default -> {
                    System.out.print(HELP);
                    return args.get(i).equals("--help") || args.get(i).equals("-h") ? 0 : 2;
                }
            }
        }
        // The writes need an admin token; a soak run makes its own when none is configured.
        String token = config.adminToken().orElse("soak-" + Long.toHexString(System.nanoTime()));
        try (Wiring.Running server = Wiring.startServer(config.withPort(0).withAdminToken(token)
                .withStreamLimits(streams + 10, streams + 10))) {
            long have = server.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report_index").mapTo(Long.class).one());
            if (have < reports) {
                long t0 = System.nanoTime();
                SyntheticLibrary.load(server.database().jdbi(), (int) (reports - have), System.nanoTime());
                System.out.printf("loaded %d synthetic reports in %.1f s%n", reports - have, (System.nanoTime() - t0) / 1e9);
            }
            Soak.Settings settings = new Soak.Settings(Duration.ofMinutes(minutes), Duration.ofMinutes(1), streams, readers, 10, 2);
            Soak.Result r = Soak.run(server, token, settings, System.out::println);
            print(r, Math.max(have, reports), minutes);
            return r.passed() ? 0 : 1;
        }
    }

    private static void print(Soak.Result r, long reports, int minutes) {
        System.out.printf("%n%d reports, %d minutes, %d cores, %d event streams%n%n", reports, minutes,
                Runtime.getRuntime().availableProcessors(), r.streams());
        System.out.println("| minute | requests | errors | p99 ms | max ms | heap after GC (MB) |");
        System.out.println("|--------|----------|--------|--------|--------|--------------------|");
        for (Soak.Interval i : r.intervals()) {
            System.out.printf("| %6d | %8d | %6d | %6.1f | %6.1f | %18d |%n", i.index(), i.requests(), i.errors(), i.p99Ms(), i.maxMs(), i.heapMb());
        }
        System.out.printf("%n| request kind | requests | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
        for (Soak.Kind k : r.kinds()) {
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", k.name(), k.requests(), k.p50Ms(), k.p99Ms(), k.maxMs());
        }
        long quick = r.intervals().stream().filter(i -> i.p99Ms() < 100).count();
        double slowest = r.intervals().stream().mapToDouble(Soak.Interval::maxMs).max().orElse(0);
        System.out.printf("%nbar p99 < 100 ms: met in %d of %d minutes (%s); bar no answer over 1,000 ms: slowest %.1f ms (%s); load average %.1f%n",
                quick, r.intervals().size(), quick == r.intervals().size() ? "met" : "NOT met", slowest,
                slowest <= 1_000 ? "met" : "NOT met", CpuMeter.loadAverage());
        System.out.printf("heap after GC: %d MB at start, %d MB at end%n", r.heapStartMb(), r.heapEndMb());
        System.out.printf("events raised: %d; streams holding every one, in order, once: %d of %d (deliveries off: %d)%n",
                r.events(), r.streamsComplete(), r.streams(), r.discrepancies());
        System.out.printf("errors: %d%s%n", r.errors(), r.errorSamples().isEmpty() ? "" : " e.g. " + r.errorSamples());
        System.out.println(r.passed() ? "PASS" : "FAIL");
    }
}
