package dev.ytv2.bench;

import dev.ytv2.app.Config;
import dev.ytv2.app.Wiring;
import dev.ytv2.db.Database;
import dev.ytv2.files.FileStore;
import dev.ytv2.images.ImageDocument;
import dev.ytv2.images.ImageMode;
import dev.ytv2.files.LocalFileStore;
import dev.ytv2.render.RenderWorker;
import dev.ytv2.render.backend.BackendException;
import dev.ytv2.render.backend.Backends;
import dev.ytv2.render.backend.ImageBackend;
import dev.ytv2.render.backend.ImageRequest;
import dev.ytv2.render.backend.RenderConfig;
import dev.ytv2.render.backend.RenderedImage;
import dev.ytv2.render.builtin.BuiltinRenderer;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * `ytv2 bench render`: the render queue's own cost, with a backend that answers at once. Pickup:
 * from the commit that sets a prompt (and NOTIFYs) to the worker starting the render, just after
 * `image-job-started` commits. Throughput: queued jobs rendered per second, end to end (claim,
 * start event, file, variant append under the row lock, done, next-prompt check).
 */
public final class RenderBench {
    public static final String HELP = """
            Usage: ytv2 bench render [--samples N] [--jobs N] [--threads N]

              --samples N   prompts set one at a time to time the pickup (default 300)
              --jobs N      jobs queued at once to time the throughput (default 2000)
              --threads N   worker threads (YTV2_RENDER_CONCURRENCY; default 2)
            Uses the database of DATABASE_URL, else the embedded one in $YTV2_DATA_DIR; its rows are
            removed afterwards (ids rbench:*). Images go to a temporary directory.
            """;

    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(Config.fromEnv(System.getenv()), Arrays.asList(args)));
    }

    public static int run(Config config, List<String> args) throws Exception {
        int samples = 300;
        int jobs = 2000;
        int threads = 2;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--samples" -> samples = Integer.parseInt(args.get(++i));
                case "--jobs" -> jobs = Integer.parseInt(args.get(++i));
                case "--threads" -> threads = Integer.parseInt(args.get(++i));
                default -> {
                    System.out.print(HELP);
                    return args.get(i).equals("--help") ? 0 : 2;
                }
            }
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("YTV2_RENDER_CONCURRENCY", Integer.toString(threads));
        RenderConfig rc = RenderConfig.fromEnv(env);
        Path images = Files.createTempDirectory("ytv2-render-bench-");
        try (Database db = Database.open(config.databaseUrl(), config.dataDir(), 4 + 2 * threads)) {
            Jdbi jdbi = db.jdbi();
            Wiring.Services s = Wiring.services(config, db);
            FileStore files = new LocalFileStore(images, images.resolve("audio"), images.resolve("exports"));
            RenderWorker.Deps deps = new RenderWorker.Deps(jdbi, db.url(), s.jobs(), s.renderRequests(), files, s.events(), s.images(), s.mapper());
            Instant backend = new Instant();
            cleanUp(jdbi);
            createItems(jdbi, Math.max(samples, jobs));
            try (RenderWorker worker = RenderWorker.create("bench", deps, new Backends(List.of(backend), Clock.systemUTC()), rc).start()) {
                Thread.sleep(500);
                for (int i = 0; i < Math.min(30, samples); i++) pickup(jdbi, s.images(), backend, i, "warm-up " + i);
                double[] ms = new double[samples];
                for (int i = 0; i < samples; i++) ms[i] = pickup(jdbi, s.images(), backend, i, "sample " + i);
                Arrays.sort(ms);
                System.out.printf("pickup (prompt set + NOTIFY -> image-job-started): n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        samples, pct(ms, 50), pct(ms, 99), ms[ms.length - 1]);
            }
            // Throughput: queue every job first (worker stopped), then time a fresh worker draining them.
            jdbi.useTransaction(h -> h.createQuery("SELECT video_id FROM content WHERE video_id LIKE 'rbench:%' ORDER BY video_id")
                    .mapTo(String.class).list()
                    .forEach(id -> s.renderRequests().request(h, id, ImageMode.AI2, "throughput " + id)));
            long total = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM image_jobs WHERE state = 'queued' AND video_id LIKE 'rbench:%'")
                    .mapTo(Long.class).one());
            long t0 = System.nanoTime();
            try (RenderWorker worker = RenderWorker.create("bench", deps, new Backends(List.of(backend), Clock.systemUTC()), rc).start()) {
                while (jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM image_jobs WHERE state <> 'done' AND video_id LIKE 'rbench:%'")
                        .mapTo(Long.class).one()) > 0) {
                    Thread.sleep(20);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("throughput (zero-cost backend, %d threads): %d jobs in %.1f s = %.0f jobs/s%n",
                    threads, total, seconds, total / seconds);
            System.out.printf("%d cores, PostgreSQL %s%n", Runtime.getRuntime().availableProcessors(), db.describe());
            cleanUp(jdbi);
            return 0;
        } finally {
            try (var paths = Files.walk(images)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Sets one prompt and NOTIFYs (as another writer of the prompt would, with no job) and times the pickup. */
    private static double pickup(Jdbi jdbi, ImageDocument images, Instant backend, int i, String prompt) throws InterruptedException {
        String id = String.format("rbench:%07d", i);
        backend.starts.clear();
        long[] t0 = new long[1];
        jdbi.useTransaction(h -> {
            images.setPrompt(h, id, ImageMode.AI1, prompt, false);
            h.execute("SELECT pg_notify('ytv2_render', ?)", id);
            t0[0] = System.nanoTime();
        });
        Long started = backend.starts.poll(10, TimeUnit.SECONDS);
        if (started == null) throw new IllegalStateException("no pickup within 10 s for " + id);
        while (jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM image_jobs WHERE video_id = :id AND state <> 'done'")
                .bind("id", id).mapTo(Long.class).one()) > 0) {
            Thread.sleep(1);
        }
        return (started - t0[0]) / 1e6;
    }

    /** Answers at once with a fixed tiny image, noting when each render began. */
    private static final class Instant implements ImageBackend {
        final byte[] png = new BuiltinRenderer().renderPng("bench", 1, 16, 16);
        final BlockingQueue<Long> starts = new LinkedBlockingQueue<>();

        @Override
        public String name() {
            return "bench";
        }

        @Override
        public void checkHealth() {
        }

        @Override
        public RenderedImage render(ImageRequest r) throws BackendException {
            starts.add(System.nanoTime());
            return new RenderedImage(png, name(), "none", r.seed(), 16, 16);
        }
    }

    private static void createItems(Jdbi jdbi, int n) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO content (video_id, id, title, content_source, analysis_json)
                        SELECT 'rbench:' || lpad(g::text, 7, '0'), 'rbench:' || lpad(g::text, 7, '0'), 'Render bench ' || g, 'web', '{}'::jsonb
                        FROM generate_series(0, :n - 1) g""")
                .bind("n", n).execute());
    }

    private static void cleanUp(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM content WHERE video_id LIKE 'rbench:%'");
            h.execute("DELETE FROM event_log WHERE video_id LIKE 'rbench:%'");
        });
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
