package dev.ytv2.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * `ytv2 serve` as a real child process (this JVM's classpath, `dev.ytv2.Main`), for faults a
 * process has to suffer: being stopped and started again on the same port while clients hold
 * connections. Its output goes to a log file, shown when it fails to start.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    public final int port;
    public final String base;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    /** Starts `serve` on `port` against `databaseUrl` and waits until GET /health answers 200. */
    public static ServerProcess start(String databaseUrl, int port, Path dataDir, Map<String, String> extraEnv) {
        try {
            Path log = Files.createTempFile("ytv2-serve-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "dev.ytv2.Main", "serve", "--no-worker"));
            Map<String, String> env = pb.environment();
            env.put("PORT", Integer.toString(port));
            env.put("YTV2_DATA_DIR", dataDir.toString());
            env.put("DATABASE_URL", databaseUrl);
            env.put("DEBUG_TOKEN", TestServer.ADMIN);
            env.put("INGEST_TOKEN", TestServer.INGEST);
            env.remove("YTV2_READ_TOKEN");
            env.putAll(extraEnv);
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            ServerProcess server = new ServerProcess(pb.start(), log, port);
            server.awaitHealthy(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("serve exited with " + process.exitValue() + ":\n" + output());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("serve did not become healthy within " + within + ":\n" + output());
    }

    public long pid() {
        return process.pid();
    }

    /** A clean stop (SIGTERM: the shutdown hook closes streams, server and pool). */
    public void stop() {
        process.destroy();
        waitFor();
    }

    /** SIGKILL: no shutdown hook, no goodbye to any client. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) stop();
    }
}
