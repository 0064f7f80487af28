package dev.ytv2;

import dev.ytv2.app.Config;
import dev.ytv2.app.EmbedCommand;
import dev.ytv2.app.ImportCommand;
import dev.ytv2.app.ServeCommand;
import dev.ytv2.app.StorageCommand;
import dev.ytv2.app.WorkerCommand;
import dev.ytv2.db.DatabaseInUseException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The one jar's entry point: parses the subcommand and hands it over; the parts are wired in {@code app.Wiring}. */
public final class Main {
    private static final String USAGE = """
            Usage: ytv2 <command> [options]

            Commands:
              serve [--demo] [--port N] [--no-worker]   start the dashboard, API and event stream
              worker                                    run the image render worker on its own
              import FILE...                            load reports in the ingest JSON format
                                                        (one object, an array, or JSON lines)
              embed --backfill                          embed every report without a current vector
                                                        (semantic search), with progress
              storage copy --to s3://bucket/prefix      copy every stored file to another store
                                                        (same URLs; resumes where it stopped)
              bench events|reports|render|soak|semantic|vector-index (docs/BENCHMARKS.md)

            Run 'ytv2 <command> --help' for a command's options. Settings come from the environment;
            see README.md (PORT, YTV2_DATA_DIR, DATABASE_URL, DEBUG_TOKEN, INGEST_TOKEN, ...).
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            System.out.print(USAGE);
            return;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        Config config = Config.fromEnv(System.getenv());
        int code;
        try {
            code = switch (args[0]) {
                case "serve" -> ServeCommand.run(config, rest);
                case "worker" -> WorkerCommand.run(config, rest);
                case "import" -> ImportCommand.run(config, rest);
                case "embed" -> EmbedCommand.run(config, rest);
                case "storage" -> StorageCommand.run(config, rest);
                case "bench" -> dev.ytv2.bench.BenchCommand.run(config, rest);
                default -> {
                    System.err.println("Unknown command '" + args[0] + "'.\n\n" + USAGE);
                    yield 2;
                }
            };
        } catch (DatabaseInUseException e) {
            System.err.println("ytv2 " + args[0] + ": " + e.getMessage() + "; " + whatInstead(args[0]));
            code = 2;
        }
        if (code != 0) System.exit(code);
    }

    /** Two processes cannot share the embedded database; say what works instead, in the same line. */
    static String whatInstead(String command) {
        return "import".equals(command)
                ? "stop the server first, or send the reports to its POST /ingest/report, or run both on a shared PostgreSQL with DATABASE_URL"
                : "stop the other process, or give this one its own YTV2_DATA_DIR, or share a PostgreSQL with DATABASE_URL";
    }

}
