package dev.ytv2.app;

import dev.ytv2.db.Database;
import dev.ytv2.jobs.Job;
import dev.ytv2.semantic.EmbedWorker;
import dev.ytv2.semantic.EmbeddingProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** `ytv2 embed --backfill`: embeds every report that has no current vector, in the foreground, with progress. */
public final class EmbedCommand {
    private static final String HELP = """
            Usage: ytv2 embed --backfill

            Queues an embedding job for every report whose vector for the configured model
            (YTV2_EMBEDDINGS, default builtin) is missing or stale, and works through them here,
            printing progress. A running server's worker does the same for new and changed
            reports on its own; this is for a whole library at once (an import, a model change).
            """;

    private EmbedCommand() {
    }

    public static int run(Config config, List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.print(HELP);
            return 0;
        }
        if (!args.equals(List.of("--backfill"))) {
            System.err.print("ytv2 embed: " + (args.isEmpty() ? "say --backfill" : "unknown option " + args.get(0)) + "\n\n" + HELP);
            return 2;
        }
        Database db = Database.open(config.databaseUrl(), config.dataDir(), 4);
        try {
            Wiring.Services s = Wiring.services(config, db);
            Optional<EmbeddingProvider> provider = Wiring.embeddingProvider(config, s.mapper());
            if (provider.isEmpty()) {
                System.err.println("ytv2 embed: YTV2_EMBEDDINGS=off; nothing to embed with");
                return 2;
            }
            EmbedWorker worker = Wiring.embedWorker(config, db, s, provider.get(), "backfill");
            int queued = worker.sweep("backfill");
            long total = waiting(s);
            System.out.println("embed:    " + provider.get().model() + "; " + queued + " reports queued, " + total + " to embed");
            if (total == 0) {
                System.out.println("embed:    every report already has a current vector");
                return 0;
            }
            long began = System.nanoTime();
            long lastPrint = 0;
            long done = 0;
            while (true) {
                int n = worker.runBatch();
                done += n;
                long now = System.nanoTime();
                if (n == 0 || now - lastPrint > 1_000_000_000L) {
                    lastPrint = now;
                    double secs = (now - began) / 1e9;
                    double rate = secs > 0 ? done / secs : 0;
                    long left = waiting(s);
                    System.out.printf("embed:    %d/%d done (%.1f reports/s)%s%n", done, total, rate,
                            left > 0 && rate > 0 ? String.format(", about %.0f s left", left / rate) : "");
                }
                if (n == 0) break;
            }
            Map<String, Long> states = s.jobs().countByState(Job.EMBED);
            long failed = states.getOrDefault(Job.FAILED, 0L);
            System.out.println("embed:    finished; " + s.embeddings().coverage(provider.get().model()).embedded()
                    + " reports have vectors" + (failed > 0 ? ", " + failed + " embedding jobs failed (see GET /api/semantic/status)" : ""));
            return failed > 0 ? 1 : 0;
        } finally {
            db.close();
        }
    }

    private static long waiting(Wiring.Services s) {
        Map<String, Long> states = s.jobs().countByState(Job.EMBED);
        return states.getOrDefault(Job.QUEUED, 0L) + states.getOrDefault(Job.RUNNING, 0L);
    }
}
