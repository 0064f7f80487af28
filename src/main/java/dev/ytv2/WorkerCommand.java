package dev.ytv2;

import java.util.List;

/** `ytv2 worker`: the render worker on its own (arrives with the render-worker issue). */
final class WorkerCommand {
    private WorkerCommand() {
    }

    static int run(Config config, List<String> args) {
        System.out.print("""
                Usage: ytv2 worker

                Runs the image render worker alone against the configured database.
                Not built yet: this placeholder exits. The render worker arrives with issue 4.
                """);
        return args.contains("--help") || args.contains("-h") ? 0 : 1;
    }
}
