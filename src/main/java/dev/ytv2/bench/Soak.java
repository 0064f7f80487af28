package dev.ytv2.bench;

import dev.ytv2.app.Wiring;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The soak's code path, shared by `ytv2 bench soak` and its functional test: mixed reads, image
 * writes and ingest against a running server while event streams listen, measured per interval
 * (requests, errors, p99, heap after a GC); at the end every stream must hold every event raised.
 */
public final class Soak {
    public record Settings(Duration duration, Duration interval, int streams, int readers, int writesPerSecond,
                           int ingestsPerSecond) {
    }

    public record Interval(int index, long requests, long errors, double p99Ms, double maxMs, long heapMb) {
    }

    /** One kind of request over the whole run. */
    public record Kind(String name, long requests, double p50Ms, double p99Ms, double maxMs) {
    }

    public record Result(List<Interval> intervals, List<Kind> kinds, long heapStartMb, long heapEndMb, long errors,
                         List<String> errorSamples, int events, int streams, int streamsComplete, long discrepancies) {
        public boolean passed() {
            return errors == 0 && events > 0 && streamsComplete == streams;
        }
    }

    /** Latencies and errors of the interval under way. */
    private static final class Bucket {
        private long[] micros = new long[4096];
        private int n;
        private long errors;

        synchronized void add(long us, boolean failed) {
            if (n == micros.length) micros = Arrays.copyOf(micros, n * 2);
            micros[n++] = us;
            if (failed) errors++;
        }
    }

    private Soak() {
    }

    public static Result run(Wiring.Running server, String adminToken, Settings s, Consumer<String> progress) throws Exception {
        List<String> ids = server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT video_id FROM report_index ORDER BY random() LIMIT 2000").mapTo(String.class).list());
        long heapStart = heapAfterGcMb();
        long firstEvent = server.services().events().latestId();
        AtomicReference<Bucket> bucket = new AtomicReference<>(new Bucket());
        Map<String, Bucket> byKind = new ConcurrentSkipListMap<>();
        List<String> samples = new CopyOnWriteArrayList<>();
        SoakTraffic traffic = new SoakTraffic("http://localhost:" + server.port(), adminToken, ids, (us, failed, what) -> {
            bucket.get().add(us, failed);
            byKind.computeIfAbsent(kindOf(what), k -> new Bucket()).add(us, failed);
            if (failed && samples.size() < 10) samples.add(what);
        });
        long end = System.nanoTime() + s.duration().toNanos();
        List<Interval> intervals = new ArrayList<>();
        long errors = 0;
        try (SoakStreams streams = new SoakStreams(server.port(), s.streams())) {
            progress.accept(s.streams() + " event streams open; " + ids.size() + " reports sampled for details and writes");
            AtomicInteger ingested = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < s.readers(); i++) {
                SplittableRandom r = new SplittableRandom(i);
                threads.add(loop("soak-read-" + i, end, 0, () -> traffic.read(r)));
            }
            SplittableRandom w = new SplittableRandom(-1);
            threads.add(loop("soak-write", end, 1000 / Math.max(1, s.writesPerSecond()), () -> traffic.imageWrite(w)));
            SplittableRandom g = new SplittableRandom(-2);
            threads.add(loop("soak-ingest", end, 1000 / Math.max(1, s.ingestsPerSecond()), () -> traffic.ingest(g, ingested.getAndIncrement())));
            // Boundaries fixed from the start: summarising (a GC for the heap figure) must not push
            // later intervals back, so a run always has duration / interval of them.
            long startNanos = end - s.duration().toNanos();
            long count = (s.duration().toNanos() + s.interval().toNanos() - 1) / s.interval().toNanos();
            for (int i = 1; i <= count; i++) {
                long boundary = Math.min(end, startNanos + i * s.interval().toNanos());
                long waitMillis = (boundary - System.nanoTime()) / 1_000_000;
                if (waitMillis > 0) Thread.sleep(waitMillis);
                Interval done = summarise(i, bucket.getAndSet(new Bucket()));
                errors += done.errors();
                intervals.add(done);
                progress.accept(String.format("interval %3d: %7d requests, %d errors, p99 %6.1f ms, max %7.1f ms, heap %4d MB",
                        done.index(), done.requests(), done.errors(), done.p99Ms(), done.maxMs(), done.heapMb()));
            }
            for (Thread t : threads) t.join();
            Bucket last = bucket.get();
            errors += last.errors;
            long lastEvent = server.services().events().latestId();
            List<Long> expected = server.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM event_log WHERE id > :a AND id <= :b ORDER BY id").bind("a", firstEvent).bind("b", lastEvent)
                    .mapTo(Long.class).list());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (streams.complete(expected) < streams.size() && System.nanoTime() < deadline) Thread.sleep(100);
            int complete = streams.complete(expected);
            long off = streams.discrepancies(expected);
            streams.close();
            List<Kind> kinds = byKind.entrySet().stream().map(e -> kind(e.getKey(), e.getValue())).toList();
            return new Result(intervals, kinds, heapStart, heapAfterGcMb(), errors, List.copyOf(samples), expected.size(),
                    streams.size(), complete, off);
        }
    }

    private static Thread loop(String name, long end, long pauseMillis, Runnable step) {
        Thread t = new Thread(() -> {
            while (System.nanoTime() < end) {
                step.run();
                if (pauseMillis > 0) {
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String kindOf(String what) {
        if (what.startsWith("/api/reports/")) return "report detail";
        if (what.startsWith("/api/reports?q=") || what.contains("&q=") || what.startsWith("/api/reports?q")) return "reports search";
        if (what.startsWith("/api/reports")) return "reports list";
        if (what.startsWith("/api/filters")) return "filters";
        if (what.startsWith("/ingest")) return "ingest";
        return "image write";
    }

    private static Kind kind(String name, Bucket b) {
        long[] sorted;
        synchronized (b) {
            sorted = Arrays.copyOf(b.micros, b.n);
        }
        Arrays.sort(sorted);
        return new Kind(name, sorted.length, pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }

    private static Interval summarise(int index, Bucket b) {
        long[] sorted;
        long errs;
        synchronized (b) {
            sorted = Arrays.copyOf(b.micros, b.n);
            errs = b.errors;
        }
        Arrays.sort(sorted);
        double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0;
        return new Interval(index, sorted.length, errs, pct(sorted, 0.99), max, heapAfterGcMb());
    }

    /** Heap in use just after a full collection: what the process really keeps. */
    static long heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
