package dev.ytv2.app;

import dev.ytv2.db.Database;
import dev.ytv2.render.RenderWorker;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** `ytv2 worker`: the render worker on its own, against the configured database. */
public final class WorkerCommand {
    private static final String HELP = """
            Usage: ytv2 worker

            Runs the image render worker alone: it renders pending image prompts of the database named by
            DATABASE_URL (else the embedded one in YTV2_DATA_DIR) through YTV2_IMAGE_BACKENDS. Any number
            of workers and servers may share one database; no job is rendered twice. See README.md for
            the backend settings (YTV2_SDAPI_URL, YTV2_COMFYUI_URL, YTV2_OPENAI_API_KEY, ...). Images go to
            YTV2_STORAGE: on another machine than the server, give it the server's bucket (s3://...).
            """;

    private WorkerCommand() {
    }

    public static int run(Config config, List<String> args) throws InterruptedException {
        if (!args.isEmpty()) {
            boolean help = args.contains("--help") || args.contains("-h");
            (help ? System.out : System.err).print(help ? HELP : "ytv2 worker: unknown option " + args.get(0) + "\n\n" + HELP);
            return help ? 0 : 2;
        }
        Database db = Database.open(config.databaseUrl(), config.dataDir(), 2 + 2 * config.render().concurrency());
        Wiring.Services services = Wiring.services(config, db);
        RenderWorker worker = Wiring.renderWorker(config, db, services, "render").start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            db.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("database: " + db.describe());
        System.out.println("files:    " + services.files().describe());
        System.out.println("worker:   rendering with " + String.join(", ", config.imageBackends()) + ", "
                + config.render().concurrency() + " at a time; stop with Ctrl-C");
        stopped.await();
        return 0;
    }
}
