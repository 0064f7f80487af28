package dev.ytv2.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Closed-loop HTTP load on loopback: N clients, each sending its next request when the last answers. */
public final class LoadDriver {
    /** The name of every client loop thread, so CPU meters can tell the clients from the server. */
    static final String THREAD_PREFIX = "load-client-";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public LoadDriver(String base) {
        this.base = base;
    }

    /** `clientCpuSeconds`: what the client loops' own threads used (the JDK HTTP client's threads aside). */
    public record Stats(String name, long requests, long errors, double seconds, long[] sortedMicros, double clientCpuSeconds) {
        public double rps() {
            return requests / seconds;
        }

        public double percentileMs(double p) {
            if (sortedMicros.length == 0) return 0;
            int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))] / 1000.0;
        }

        public String row() {
            return String.format("| %-34s | %8.0f | %7.2f | %7.2f | %8.2f | %6d |", name, rps(), percentileMs(50),
                    percentileMs(99), percentileMs(100), errors);
        }
    }

    public static String header() {
        return "| scenario                           |    req/s | p50 ms  | p99 ms  |  max ms  | errors |\n"
             + "|------------------------------------|----------|---------|---------|----------|--------|";
    }

    /** Runs `clients` loops for `duration`, each building its next path from its own random stream. */
    public Stats run(String name, int clients, Duration duration, Function<SplittableRandom, String> nextPath) throws Exception {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, THREAD_PREFIX + n.incrementAndGet()));
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c * 7919L + name.hashCode());
            results.add(pool.submit(() -> loop(random, end, nextPath)));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) all.add(f.get());
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long errors = 0;
        long cpuNanos = 0;
        int total = 0;
        for (long[] a : all) {
            errors += a[0];
            cpuNanos += a[1];
            total += a.length - 2;
        }
        long[] merged = new long[total];
        int at = 0;
        for (long[] a : all) {
            System.arraycopy(a, 2, merged, at, a.length - 2);
            at += a.length - 2;
        }
        Arrays.sort(merged);
        return new Stats(name, total, errors, seconds, merged, cpuNanos / 1e9);
    }

    /**
     * Slot 0 counts errors (non-2xx or failures), slot 1 is this thread's CPU nanoseconds (taken here:
     * the thread ends with the run, and a dead thread's time can no longer be read); the rest are
     * latencies in microseconds.
     */
    private long[] loop(SplittableRandom random, long end, Function<SplittableRandom, String> nextPath) {
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long[] out = new long[1024];
        int n = 2;
        while (System.nanoTime() < end) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + nextPath.apply(random)))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() / 100 != 2) out[0]++;
            } catch (Exception e) {
                out[0]++;
            }
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = (System.nanoTime() - t0) / 1000;
        }
        out[1] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        return Arrays.copyOf(out, n);
    }
}
