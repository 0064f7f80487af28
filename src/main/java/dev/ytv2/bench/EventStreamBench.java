package dev.ytv2.bench;

import dev.ytv2.app.Config;
import dev.ytv2.app.Wiring;
import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * `ytv2 bench events`: starts a server (embedded PostgreSQL in a throwaway directory unless
 * DATABASE_URL is set), opens N event streams over loopback, raises events through the event log
 * (commit, NOTIFY, feed, hub, every client) and reports raise-to-receive latency per delivery.
 */
final class EventStreamBench {
    private EventStreamBench() {
    }

    static int run(Config base, List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.print("""
                    Usage: ytv2 bench events [--clients N] [--events N] [--interval-ms N]

                      --clients N       concurrent event streams (default 1000)
                      --events N        events raised (default 20)
                      --interval-ms N   pause between events (default 250)

                    Uses a throwaway embedded PostgreSQL unless DATABASE_URL is set.
                    """);
            return 0;
        }
        int clients = option(args, "--clients", 1000);
        int events = option(args, "--events", 20);
        int intervalMs = option(args, "--interval-ms", 250);
        try {
            Path dir = Files.createTempDirectory("ytv2-bench-events-");
            // Every stream comes from this one address; lift the caps just past what the bench opens.
            Config config = Config.fromEnv(env(base, dir)).withStreamLimits(clients + 10, clients + 10);
            try (Wiring.Running server = Wiring.startServer(config)) {
                return measure(server, clients, events, intervalMs);
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("bench events failed: " + e);
            return 1;
        }
    }

    private static int measure(Wiring.Running server, int clients, int events, int intervalMs) throws IOException, InterruptedException {
        long[][] received = new long[clients][events];
        ConcurrentHashMap<Long, Integer> indexOfId = new ConcurrentHashMap<>();
        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch done = new CountDownLatch(clients * events);
        Socket[] sockets = new Socket[clients];
        for (int c = 0; c < clients; c++) {
            sockets[c] = new Socket(InetAddress.getLoopbackAddress(), server.port());
            OutputStream out = sockets[c].getOutputStream();
            out.write("GET /api/report-events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int client = c;
            Thread reader = new Thread(null, () -> read(sockets[client], received[client], indexOfId, connected, done),
                    "bench-client-" + c, 128 * 1024);
            reader.setDaemon(true);
            reader.start();
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            System.err.println("only " + (clients - connected.getCount()) + " of " + clients + " streams connected");
            return 1;
        }
        System.out.printf("%d event streams open; raising %d events, %d ms apart%n", clients, events, intervalMs);
        long[] raisedAt = new long[events];
        EventLog log = server.services().events();
        for (int e = 0; e < events; e++) {
            Thread.sleep(intervalMs);
            raisedAt[e] = System.nanoTime();
            long id = log.append(new Event.ReportUpdated("yt:bench" + e, "Benchmark event " + e, null));
            indexOfId.put(id, e);
        }
        boolean all = done.await(30, TimeUnit.SECONDS);
        for (Socket s : sockets) s.close();
        return report(received, raisedAt, all);
    }

    private static void read(Socket s, long[] got, ConcurrentHashMap<Long, Integer> indexOfId, CountDownLatch connected,
                             CountDownLatch done) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains(": connected")) {
                    connected.countDown();
                } else if (line.startsWith("id: ") || line.startsWith("id:")) {
                    long now = System.nanoTime();
                    Integer index = waitForIndex(indexOfId, Long.parseLong(line.substring(3).trim()));
                    if (index != null && got[index] == 0) {
                        got[index] = now;
                        done.countDown();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the benchmark closed the socket
        }
    }

    /** The append returns after the commit; a fast client can see the id a moment before it is recorded. */
    private static Integer waitForIndex(ConcurrentHashMap<Long, Integer> indexOfId, long id) {
        for (int i = 0; i < 1000 && !indexOfId.containsKey(id); i++) Thread.onSpinWait();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!indexOfId.containsKey(id) && System.nanoTime() < deadline) Thread.yield();
        return indexOfId.get(id);
    }

    private static int report(long[][] received, long[] raisedAt, boolean all) {
        int clients = received.length;
        int events = raisedAt.length;
        double[] ms = new double[clients * events];
        int n = 0;
        int missing = 0;
        double slowestClient = 0;
        for (long[] client : received) {
            double worst = 0;
            for (int e = 0; e < events; e++) {
                if (client[e] == 0) {
                    missing++;
                    continue;
                }
                double latency = (client[e] - raisedAt[e]) / 1e6;
                ms[n++] = latency;
                worst = Math.max(worst, latency);
            }
            slowestClient = Math.max(slowestClient, worst);
        }
        double[] sorted = Arrays.copyOf(ms, n);
        Arrays.sort(sorted);
        System.out.printf("deliveries: %d of %d (missing %d)%n", n, clients * events, missing);
        if (n > 0) {
            System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[n - 1]);
        }
        boolean pass = all && missing == 0 && slowestClient < 1000;
        System.out.println(pass ? "PASS: every client received every event within 1 s"
                : "FAIL: the bar is every client within 1 s (slowest client: %.0f ms)".formatted(slowestClient));
        return pass ? 0 : 1;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static java.util.Map<String, String> env(Config base, Path dir) {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("PORT", "0");
        env.put("YTV2_DATA_DIR", dir.toString());
        env.remove("YTV2_READ_TOKEN");
        base.databaseUrl().ifPresent(u -> env.put("DATABASE_URL", u));
        return env;
    }

    private static int option(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) return fallback;
        try {
            return Integer.parseInt(args.get(i + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number");
        }
    }
}
