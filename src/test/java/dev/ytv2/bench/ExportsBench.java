package dev.ytv2.bench;

import dev.ytv2.files.FileStore;
import dev.ytv2.files.LocalFileStore;
import dev.ytv2.files.MediaType;
import dev.ytv2.files.S3FileStore;
import dev.ytv2.files.StorageCopy;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.S3ProxyServer;
import dev.ytv2.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `/exports/` from an S3 bucket against the local disk: the same images, the same clients, the same
 * server code, and the copy command's files per second. S3 here is S3Proxy on loopback (a real S3
 * protocol server in its own JVM, reading its own folder), so the gap measured is what the S3 path
 * costs our server (a HEAD and a GET per request, signing, a second process), not a network's.
 *
 * Run: mvn -q -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.ytv2.bench.ExportsBench
 *      -Dexec.args="[files] [clients] [seconds]"   (defaults 500 8 10)
 */
public final class ExportsBench {
    private ExportsBench() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        S3ProxyServer s3 = new S3ProxyServer(true);
        s3.beforeAll(null);
        try {
            String bucket = s3.newBucket();
            try (TestServer disk = TestServer.start(); TestServer bucketServer = TestServer.start(env -> s3.configure(env, bucket, "bench"))) {
                LocalFileStore local = (LocalFileStore) disk.running.services().files();
                BuiltinRenderer renderer = new BuiltinRenderer();
                List<byte[]> images = new ArrayList<>();
                for (int i = 0; i < 25; i++) images.add(renderer.renderPng("a lighthouse at dusk, watercolor " + i, i, 1024, 576));
                List<String> urls = new ArrayList<>();
                long bytes = 0;
                for (int i = 0; i < files; i++) {
                    byte[] png = images.get(i % images.size());
                    urls.add(local.save(MediaType.PNG, "ai1", png));
                    bytes += png.length;
                }
                System.out.printf(Locale.ROOT, "%d images, %.0f KB on average%n", files, bytes / 1024.0 / files);

                FileStore target = bucketServer.running.services().files();
                StorageCopy.Progress copied = new StorageCopy(local, target).run(p -> { });
                System.out.printf(Locale.ROOT, "storage copy, disk -> S3: %d files, %.1f MB in %.1f s = %.0f files/s, %.1f MB/s%n",
                        copied.copied(), copied.bytes() / 1e6, copied.elapsed().toMillis() / 1000.0, copied.filesPerSecond(),
                        copied.bytes() / 1e6 / (copied.elapsed().toMillis() / 1000.0));
                // A fresh store, as a new `storage copy` process would have: the server's remembers what it just wrote.
                StorageCopy.Progress again;
                try (S3FileStore fresh = new S3FileStore(s3.settings(bucket, "bench/"))) {
                    again = new StorageCopy(local, fresh).run(p -> { });
                }
                System.out.printf(Locale.ROOT, "storage copy again (all present): %d files checked in %.1f s = %.0f files/s%n",
                        again.skipped(), again.elapsed().toMillis() / 1000.0, again.filesPerSecond());

                Duration d = Duration.ofSeconds(seconds);
                // Warm both paths (JIT, connections) before measuring.
                new LoadDriver(disk.base).run("warm", clients, Duration.ofSeconds(3), r -> urls.get(r.nextInt(urls.size())));
                new LoadDriver(bucketServer.base).run("warm", clients, Duration.ofSeconds(3), r -> urls.get(r.nextInt(urls.size())));
                System.out.println(LoadDriver.header());
                for (String store : List.of("disk", "s3", "disk", "s3")) {
                    TestServer server = store.equals("disk") ? disk : bucketServer;
                    LoadDriver.Stats stats = new LoadDriver(server.base).run("GET image, " + store + ", " + clients + " clients", clients, d,
                            r -> urls.get(r.nextInt(urls.size())));
                    System.out.println(stats.row() + String.format(Locale.ROOT, " %.0f MB/s", stats.rps() * bytes / files / 1e6));
                }
            }
        } finally {
            s3.afterAll(null);
        }
        System.exit(0);
    }
}
