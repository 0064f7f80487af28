package dev.ytv2.app;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** `ytv2 serve`: the dashboard, API, event stream and (unless --no-worker) a render worker. */
public final class ServeCommand {
    private static final String HELP = """
            Usage: ytv2 serve [--demo] [--port N] [--no-worker]

              --demo        seed a demo library on first start (a few hundred reports with generated
                            images) and, when DEBUG_TOKEN is unset, print a generated admin token;
                            turns on YTV2_AUTO_IMAGES and YTV2_BUILTIN_PACE_SECONDS=3 unless they are set
              --port N      listen on port N (default: $PORT, else 10000)
              --no-worker   do not run the image render worker inside this process
            """;

    private ServeCommand() {
    }

    public static int run(Config config, List<String> args) throws InterruptedException {
        boolean demo = false;
        boolean worker = true;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--help", "-h" -> {
                    System.out.print(HELP);
                    return 0;
                }
                case "--demo" -> demo = true;
                case "--no-worker" -> worker = false;
                case "--port" -> {
                    if (i + 1 >= args.size()) return usage("--port needs a number");
                    try {
                        config = config.withPort(Integer.parseInt(args.get(++i)));
                    } catch (NumberFormatException e) {
                        return usage("--port needs a number");
                    }
                }
                default -> {
                    return usage("unknown option " + args.get(i));
                }
            }
        }
        boolean generated = false;
        if (demo) config = config.withDemoDefaults();
        if (demo && config.adminToken().isEmpty()) {
            config = config.withAdminToken(Wiring.generatedToken());
            generated = true;
        }
        Wiring.Running running = Wiring.startServer(config, worker);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "shutdown"));
        // The address comes first: the server answers from now on, also while the demo is seeded.
        System.out.println("server:   http://localhost:" + running.port() + "/");
        if (generated) System.out.println("admin token (generated for this run): " + config.adminToken().get());
        System.out.println("database: " + running.database().describe() + " (data in " + config.dataDir() + ")");
        System.out.println("worker:   " + (worker ? "rendering with " + String.join(", ", config.imageBackends())
                + (config.autoImages() ? " (automatic images for new reports)" : "") : "off (--no-worker)"));
        if (demo) {
            long began = System.nanoTime();
            int added = DemoSeeder.seedIfEmpty(running.services(), Wiring.demoWriter(config, running.database(), running.services()),
                    line -> System.out.println("demo:     " + line));
            System.out.println("demo:     " + (added == 0 ? "library already present"
                    : String.format("seeded %d reports in %.1f s", added, (System.nanoTime() - began) / 1e9)
                    + (config.autoImages() ? "; their A1 and AI2 images render in the background with "
                    + String.join(", ", config.demoImageBackends()) : "")));
        }
        new CountDownLatch(1).await();
        return 0;
    }

    private static int usage(String problem) {
        System.err.println("ytv2 serve: " + problem + "\n\n" + HELP);
        return 2;
    }
}
