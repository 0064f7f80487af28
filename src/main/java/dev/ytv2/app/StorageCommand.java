package dev.ytv2.app;

import dev.ytv2.files.FileStore;
import dev.ytv2.files.LocalFileStore;
import dev.ytv2.files.S3FileStore;
import dev.ytv2.files.StorageCopy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** `ytv2 storage copy --to ...`: moves a library's files to another store without changing a URL. */
public final class StorageCommand {
    private static final String HELP = """
            Usage: ytv2 storage copy --to s3://bucket/prefix
                   ytv2 storage copy --to DIR

            Copies every stored file (images, uploads, audio, demo thumbnails) from the configured store
            (YTV2_STORAGE: local by default, the files under YTV2_DATA_DIR) to an S3-compatible bucket (with
            the YTV2_S3_* settings) or to the data directory DIR, under the same /exports/ URLs, so the
            database needs no change. Files the target already holds at the same size are skipped: run it
            again after an interruption and it resumes. Each copy is checked by size, and by MD5 where the
            store reports one; a file above 64 MiB goes to a bucket in parts, each checked by its MD5, and
            one cut off midway leaves nothing there. Then set YTV2_STORAGE to the target and restart
            servers and workers.
            """;

    private StorageCommand() {
    }

    public static int run(Config config, List<String> args) throws IOException {
        if (args.size() != 3 || !args.get(0).equals("copy") || !args.get(1).equals("--to")) {
            boolean help = args.contains("--help") || args.contains("-h");
            (help ? System.out : System.err).print(HELP);
            return help ? 0 : 2;
        }
        String target = args.get(2);
        FileStore from = Wiring.fileStore(config);
        FileStore to = target.startsWith("s3://")
                ? new S3FileStore(config.storage().s3(target))
                : local(Path.of(target).toAbsolutePath().normalize());
        System.out.println("copying from " + from.describe() + " to " + to.describe());
        long[] lastPrint = {System.nanoTime()};
        StorageCopy.Progress done = new StorageCopy(from, to).run(p -> {
            if (System.nanoTime() - lastPrint[0] > 2_000_000_000L || p.done() == p.total()) {
                lastPrint[0] = System.nanoTime();
                System.out.printf(Locale.ROOT, "%d/%d files (%d copied, %d already there), %.1f MB, %.0f files/s%n",
                        p.done(), p.total(), p.copied(), p.skipped(), p.bytes() / 1e6, p.filesPerSecond());
            }
        });
        System.out.printf(Locale.ROOT, "done: %d files copied (%.1f MB), %d already there, in %.1f s; no URL changed.%n",
                done.copied(), done.bytes() / 1e6, done.skipped(), done.elapsed().toMillis() / 1000.0);
        System.out.println("Now set YTV2_STORAGE=" + target + " for every server and worker.");
        return 0;
    }

    private static LocalFileStore local(Path dataDir) {
        return new LocalFileStore(dataDir.resolve("images"), dataDir.resolve("audio"), dataDir.resolve("exports"));
    }
}
