package dev.ytv2.support;

import org.awaitility.core.ConditionTimeoutException;

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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * `ytv2 serve` (or `ytv2 worker`) as a real child process (this JVM's classpath, `dev.ytv2.Main`),
 * for faults a process has to suffer: being stopped, killed, frozen and started again while
 * clients hold connections or jobs. Its output goes to a log file, shown when it fails to start.
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
        this.base = port > 0 ? "http://localhost:" + port : null;
    }

    /** Starts `serve` on `port` against `databaseUrl` and waits until GET /health answers 200. */
    public static ServerProcess start(String databaseUrl, int port, Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.putIfAbsent("PORT", Integer.toString(port));
        ServerProcess server = launch("serve", List.of("serve", "--no-worker"), databaseUrl, dataDir, env, port);
        server.awaitHealthy(Duration.ofSeconds(60));
        return server;
    }

    /**
     * Starts `serve` with these arguments (for example `--demo`) and waits until GET /health
     * answers 200; a null `databaseUrl` runs it on the embedded database in `dataDir`.
     */
    public static ServerProcess startServe(List<String> serveArgs, String databaseUrl, int port, Path dataDir,
                                           Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.putIfAbsent("PORT", Integer.toString(port));
        List<String> args = new java.util.ArrayList<>(List.of("serve"));
        args.addAll(serveArgs);
        ServerProcess server = launch("serve", args, databaseUrl, dataDir, env, port);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    /** What a command that runs to its end left behind. */
    public record Finished(int exitCode, String output) {
    }

    /** Runs a one-shot command (`import ...`) to its end; a null `databaseUrl` means the embedded database. */
    public static Finished run(List<String> args, String databaseUrl, Path dataDir, Map<String, String> extraEnv,
                               Duration within) {
        ServerProcess p = launch(args.get(0), args, databaseUrl, dataDir, extraEnv, -1);
        try {
            if (!p.process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                p.kill();
                throw new IllegalStateException(args + " did not end within " + within + ":\n" + p.output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Finished(p.exitValue(), p.output());
    }

    /** Waits until the output holds `line` (or fails with the output so far). */
    public void awaitLine(String line, Duration within) {
        awaitOutput(line, within);
    }

    /**
     * Starts `worker` against `databaseUrl` (images go to `dataDir`) and waits until it says it is
     * rendering: its listener, sweep and render threads are running. It has no port.
     */
    public static ServerProcess startWorker(String databaseUrl, Path dataDir, Map<String, String> extraEnv) {
        ServerProcess worker = launch("worker", List.of("worker"), databaseUrl, dataDir, extraEnv, -1);
        worker.awaitOutput("worker:   rendering with", Duration.ofSeconds(60));
        return worker;
    }

    private static ServerProcess launch(String what, List<String> args, String databaseUrl, Path dataDir,
                                        Map<String, String> extraEnv, int port) {
        try {
            Path log = Files.createTempFile("ytv2-" + what + "-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "dev.ytv2.Main"));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.put("YTV2_DATA_DIR", dataDir.toString());
            if (databaseUrl == null) env.remove("DATABASE_URL");
            else env.put("DATABASE_URL", databaseUrl);
            env.put("DEBUG_TOKEN", TestServer.ADMIN);
            env.put("INGEST_TOKEN", TestServer.INGEST);
            env.remove("YTV2_READ_TOKEN");
            env.putAll(extraEnv);
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            return new ServerProcess(pb.start(), log, port);
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
        awaitOrClose(within, "serve did not become healthy within " + within, () -> {
            if (!process.isAlive()) throw new IllegalStateException("serve exited with " + process.exitValue() + ":\n" + output());
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    private void awaitOutput(String line, Duration within) {
        awaitOrClose(within, "no '" + line + "' within " + within, () -> {
            if (output().contains(line)) return true;
            if (!process.isAlive()) throw new IllegalStateException("process exited with " + process.exitValue() + ":\n" + output());
            return false;
        });
    }

    /** Waits for the condition; when it does not come, the process is stopped and its output is the message. */
    private void awaitOrClose(Duration within, String failure, Callable<Boolean> condition) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException(failure + ":\n" + output());
        }
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

    /** The exit status once the process has ended (128 + signal number when a signal ended it). */
    public int exitValue() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGSTOP: the process stays, holding its sockets, but runs no instruction until {@link #thaw()}. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) throw new IllegalStateException("kill -" + name + " failed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                thaw(); // a frozen process would not act on SIGTERM
            } catch (RuntimeException ended) {
                // it ended meanwhile
            }
            stop();
        }
    }
}
