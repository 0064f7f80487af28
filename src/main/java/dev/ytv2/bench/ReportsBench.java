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
            Usage: ytv2 bench reports [--reports N] [--clients N] [--seconds N]

              --reports N   library size to benchmark against (default 100000; loaded once, kept)
              --clients N   concurrent HTTP clients (default 8)
              --seconds N   duration of each scenario (default 15)
            Data lives in $YTV2_DATA_DIR (default ./data; use a separate one, e.g. YTV2_DATA_DIR=./bench-data),
            or in DATABASE_URL's database.
            """;

    private ReportsBench() {
    }

    public static int run(Config config, List<String> args) throws Exception {
        int reports = 100_000;
        int clients = 8;
        int seconds = 15;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--reports" -> reports = Integer.parseInt(args.get(++i));
                case "--clients" -> clients = Integer.parseInt(args.get(++i));
                case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                default -> {
                    System.out.print(HELP);
                    return args.get(i).equals("--help") ? 0 : 2;
                }
            }
        }
        try (Wiring.Running server = Wiring.startServer(config.withPort(0))) {
            long have = server.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM report_index").mapTo(Long.class).one());
            if (have < reports) {
                long t0 = System.nanoTime();
                SyntheticLibrary.load(server.database().jdbi(), (int) (reports - have), System.nanoTime());
                System.out.printf("loaded %d synthetic reports in %.1f s%n", reports - have, (System.nanoTime() - t0) / 1e9);
            }
            LoadDriver driver = new LoadDriver("http://localhost:" + server.port());
            Duration each = Duration.ofSeconds(seconds);
            // Warm the JIT and PostgreSQL's caches so the figures describe a running server.
            driver.run("warm-up", clients, Duration.ofSeconds(Math.min(10, seconds)), r -> "/api/reports?page=" + (1 + r.nextInt(50)));
            List<LoadDriver.Stats> results = new ArrayList<>();
            int pages = reports / 24;
            for (var scenario : scenarios(pages)) {
                results.add(driver.run(scenario.name(), clients, each, scenario.path()));
            }
            System.out.printf("%n%d reports, %d clients, %d s per scenario, %d cores%n%n", reports, clients, seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.println(LoadDriver.header());
            results.forEach(r -> System.out.println(r.row()));
            return results.stream().anyMatch(r -> r.errors() > 0) ? 1 : 0;
        }
    }

    private record Scenario(String name, Function<SplittableRandom, String> path) {
    }

    private static List<Scenario> scenarios(int pages) {
        return List.of(
                new Scenario("/api/reports default", r -> "/api/reports"),
                new Scenario("/api/reports random page 1-50", r -> "/api/reports?page=" + (1 + r.nextInt(50))),
                new Scenario("/api/reports two filters", r -> "/api/reports?source=" + pick(r, SyntheticLibrary.SOURCES)
                        + "&category=" + enc(pick(r, SyntheticLibrary.CATEGORIES))),
                new Scenario("/api/reports filters + sort", r -> "/api/reports?language=" + pick(r, SyntheticLibrary.LANGUAGES)
                        + "&has_audio=true&sort=" + pick(r, List.of("title_asc", "published_desc", "duration_desc"))),
                new Scenario("/api/reports search", r -> "/api/reports?q=" + SyntheticLibrary.word(r)),
                new Scenario("/api/reports search 2 words", r -> "/api/reports?q=" + enc(SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r))),
                new Scenario("/api/reports search common word", r -> "/api/reports?q=" + SyntheticLibrary.commonWord()
                        + "&page=" + (1 + r.nextInt(20))),
                new Scenario("/api/reports deep page", r -> "/api/reports?page=" + (pages / 2 + r.nextInt(pages / 2))),
                new Scenario("/api/filters default", r -> "/api/filters"),
                new Scenario("/api/filters one filter", r -> "/api/filters?source=" + pick(r, SyntheticLibrary.SOURCES)),
                new Scenario("/api/filters search", r -> "/api/filters?q=" + SyntheticLibrary.word(r)));
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
