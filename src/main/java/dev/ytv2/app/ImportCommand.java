package dev.ytv2.app;

import dev.ytv2.content.Importer;
import dev.ytv2.db.Database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** `ytv2 import FILE...`: the ingest format from files, with a progress line for long imports. */
public final class ImportCommand {
    private static final String HELP = """
            Usage: ytv2 import FILE...

            Loads reports in the ingest JSON format (see README: POST /ingest/report). Each FILE holds
            one JSON object, an array of them, or JSON lines; '-' reads standard input. Re-importing a
            report merges it and keeps its images, prompts and audio.
            """;

    private ImportCommand() {
    }

    public static int run(Config config, List<String> args) throws IOException {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            System.out.print(HELP);
            return args.isEmpty() ? 2 : 0;
        }
        try (Database db = Database.open(config.databaseUrl(), config.dataDir(), 4)) {
            Wiring.Services s = Wiring.services(config, db);
            Importer importer = new Importer(s.writer(), s.mapper());
            long started = System.nanoTime();
            Importer.Tally total = new Importer.Tally(0, 0, 0);
            for (String name : args) {
                try (InputStream in = name.equals("-") ? System.in : new BufferedInputStream(Files.newInputStream(Path.of(name)))) {
                    Importer.Tally t = importer.load(in, problem -> System.err.println(name + ": " + problem),
                            p -> System.err.printf("\r%s: %d imported, %d failed (%.0f/s)", name, p.imported(), p.failed(),
                                    p.imported() / Math.max(0.001, (System.nanoTime() - started) / 1e9)));
                    total = new Importer.Tally(total.imported() + t.imported(), total.created() + t.created(), total.failed() + t.failed());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    System.err.println(name + ": not valid JSON: " + e.getOriginalMessage());
                    return 1;
                }
            }
            System.err.println();
            System.out.printf("imported %d reports (%d new, %d updated), %d failed, in %.1f s%n", total.imported(),
                    total.created(), total.imported() - total.created(), total.failed(), (System.nanoTime() - started) / 1e9);
            return total.failed() > 0 ? 1 : 0;
        }
    }
}
