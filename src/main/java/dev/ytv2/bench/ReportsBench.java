package dev.ytv2.bench;

import dev.ytv2.app.Config;
import dev.ytv2.app.Wiring;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * `ytv2 bench reports`: fills a library with synthetic reports (once; kept in the bench data dir),
 * starts the server in this process and drives `/api/reports` and `/api/filters` with concurrent
 * clients, printing requests/s, p50, p99 and max per scenario.
 */
public final class ReportsBench {
    public static final String HELP = """
            Usage: ytv2 bench reports [--reports N] [--clients N] [--seconds N] [--only TEXT]

              --reports N   library size to benchmark against (default 100000; loaded once, kept)
              --clients N   concurrent HTTP clients (default 16)
              --seconds N   duration of each scenario (default 15)
              --only TEXT   run only the scenarios whose name contains TEXT (e.g. "deep page")
            Data lives in $YTV2_DATA_DIR (default ./data; use a separate one, e.g. YTV2_DATA_DIR=./bench-data),
            or in DATABASE_URL's database.
            """;

    private ReportsBench() {
    }

    public static int run(Config config, List<String> args) throws Exception {
        int reports = 100_000;
        int clients = 16;
        int seconds = 15;
        String only = "";
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--reports" -> reports = Integer.parseInt(args.get(++i));
                case "--clients" -> clients = Integer.parseInt(args.get(++i));
                case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                case "--only" -> only = args.get(++i);
                default -> {
                    System.out.print(HELP);
                    return args.get(i).equals("--help") ? 0 : 2;
                }
            }
        }
        try (Wiring.Running server = Wiring.startServer(config.withPort(0))) {
            var jdbi = server.database().jdbi();
            long have = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM report_index").mapTo(Long.class).one());
            if (have < reports) {
                long t0 = System.nanoTime();
                SyntheticLibrary.load(jdbi, (int) (reports - have), System.nanoTime());
                System.out.printf("loaded %d synthetic reports in %.1f s%n", reports - have, (System.nanoTime() - t0) / 1e9);
            }
            List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT video_id FROM report_index ORDER BY md5(video_id) LIMIT 2000")
                    .mapTo(String.class).list());
            String base = "http://localhost:" + server.port();
            LoadDriver driver = new LoadDriver(base);
            CpuMeter cpu = CpuMeter.of(server);
            Duration each = Duration.ofSeconds(seconds);
            // Warm the JIT and PostgreSQL's caches so the figures describe a running server.
            driver.run("warm-up", clients, Duration.ofSeconds(Math.min(10, seconds)), r -> "/api/reports?page=" + (1 + r.nextInt(50)));
            List<String> rows = new ArrayList<>();
            boolean allMet = true;
            long errors = 0;
            int pages = reports / 24;
            for (var scenario : scenarios(pages, ids)) {
                if (!scenario.name().contains(only)) continue;
                double load = CpuMeter.loadAverage();
                CpuMeter.Sample before = cpu.sample();
                LoadDriver.Stats stats = driver.run(scenario.name(), clients, each, scenario.path());
                CpuMeter.Sample used = cpu.sample().minus(before);
                boolean met = scenario.bar().met(stats);
                allMet &= met;
                errors += stats.errors();
                rows.add(String.format("| %-34s | %7.0f | %7s | %7.2f | %7.2f | %7s | %8.2f | %6.2f | %6s | %4.1f | %-3s | %d |",
                        scenario.name(), stats.rps(), scenario.bar().rpsText(), stats.percentileMs(50), stats.percentileMs(99),
                        scenario.bar().p99Text(), stats.percentileMs(100), used.server(stats) * 1000 / stats.requests(),
                        Double.isNaN(used.database()) ? "n/a" : String.format("%.2f", used.database() * 1000 / stats.requests()),
                        load, met ? "yes" : "NO", stats.errors()));
            }
            System.out.printf("%n%d reports, %d clients, %d s per scenario, %d cores%n%n", reports, clients, seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("""
                    | scenario                           |   req/s |  bar    | p50 ms  | p99 ms  |  bar    |  max ms  | server CPU ms/req | db CPU ms/req | load | met | errors |
                    |------------------------------------|---------|---------|---------|---------|---------|----------|--------|--------|------|-----|--------|""");
            rows.forEach(System.out::println);
            System.out.println("\nserver CPU: this process's CPU time but the load clients'; db CPU: the database's processes (when local).");
            System.out.println(PageSizes.measure(base));
            System.out.println(allMet ? "every bar met" : "some bars NOT met");
            return errors > 0 ? 1 : 0;
        }
    }

    /** The bars of docs/BENCHMARKS.md: at least `minRps` requests a second and p99 under `maxP99Ms` (0: none). */
    record Bar(double minRps, double maxP99Ms) {
        boolean met(LoadDriver.Stats s) {
            return s.errors() == 0 && (minRps <= 0 || s.rps() >= minRps) && (maxP99Ms <= 0 || s.percentileMs(99) < maxP99Ms);
        }

        String rpsText() {
            return minRps <= 0 ? "-" : String.format(">= %.0f", minRps);
        }

        String p99Text() {
            return maxP99Ms <= 0 ? "-" : String.format("< %.0f", maxP99Ms);
        }
    }

    private static final Bar LIST = new Bar(1_500, 20);
    private static final Bar DETAIL = new Bar(3_000, 0);
    private static final Bar FILTERS = new Bar(0, 10);

    private record Scenario(String name, Function<SplittableRandom, String> path, Bar bar) {
    }

    private static List<Scenario> scenarios(int pages, List<String> ids) {
        return List.of(
                new Scenario("/api/reports default", r -> "/api/reports", LIST),
                new Scenario("/api/reports first page, as browser", r -> "/api/reports?sort=added_desc&page=1&size=24&fields=card", LIST),
                new Scenario("/api/reports random page 1-50", r -> "/api/reports?page=" + (1 + r.nextInt(50)), LIST),
                new Scenario("/api/reports two filters", r -> "/api/reports?source=" + pick(r, SyntheticLibrary.SOURCES)
                        + "&category=" + enc(pick(r, SyntheticLibrary.CATEGORIES)), LIST),
                new Scenario("/api/reports filters + sort", r -> "/api/reports?language=" + pick(r, SyntheticLibrary.LANGUAGES)
                        + "&has_audio=true&sort=" + pick(r, List.of("title_asc", "published_desc", "duration_desc")), LIST),
                new Scenario("/api/reports search", r -> "/api/reports?q=" + SyntheticLibrary.word(r), LIST),
                new Scenario("/api/reports search 2 words", r -> "/api/reports?q=" + enc(SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r)), LIST),
                new Scenario("/api/reports search common word", r -> "/api/reports?q=" + SyntheticLibrary.commonWord()
                        + "&page=" + (1 + r.nextInt(20)), LIST),
                new Scenario("/api/reports deep page", r -> "/api/reports?page=" + (pages / 2 + r.nextInt(pages / 2)), LIST),
                new Scenario("/api/reports/{id}", r -> "/api/reports/" + enc(ids.get(r.nextInt(ids.size()))), DETAIL),
                new Scenario("/api/filters default", r -> "/api/filters", FILTERS),
                new Scenario("/api/filters one filter", r -> "/api/filters?source=" + pick(r, SyntheticLibrary.SOURCES), FILTERS),
                new Scenario("/api/filters search", r -> "/api/filters?q=" + SyntheticLibrary.word(r), FILTERS));
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Config.fromEnv(System.getenv()), List.of(args)));
    }
}
