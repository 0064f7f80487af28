package dev.ytv2.bench;

import dev.ytv2.semantic.EmbeddingProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What embedding one new short query costs, alone and with `threads` embedding at once. */
final class QueryEmbedCost {
    private QueryEmbedCost() {
    }

    record Result(int threads, int queries, double perSecond, double p50Ms, double p99Ms, String load) {
        String row() {
            return String.format("| %7d | %7d | %9.1f | %7.2f | %7.2f | %5s |", threads, queries, perSecond, p50Ms, p99Ms, load);
        }
    }

    static Result measure(EmbeddingProvider model, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long began = System.nanoTime();
            List<Future<long[]>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SplittableRandom r = new SplittableRandom(1000L * threads + t);
                work.add(pool.submit(() -> {
                    long[] micros = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        String q = SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r) + " " + r.nextInt(1_000_000);
                        long t0 = System.nanoTime();
                        model.embed(List.of(q));
                        micros[i] = (System.nanoTime() - t0) / 1000;
                    }
                    return micros;
                }));
            }
            long[] all = new long[threads * perThread];
            int at = 0;
            for (Future<long[]> f : work) {
                long[] m = f.get();
                System.arraycopy(m, 0, all, at, m.length);
                at += m.length;
            }
            double secs = (System.nanoTime() - began) / 1e9;
            Arrays.sort(all);
            return new Result(threads, all.length, all.length / secs, all[all.length / 2] / 1000.0,
                    all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)] / 1000.0, LoadAverage.now());
        } finally {
            pool.shutdown();
        }
    }

    static String header() {
        return "| threads | queries | queries/s | p50 ms  | p99 ms  | load  |\n"
             + "|---------|---------|-----------|---------|---------|-------|";
    }
}
