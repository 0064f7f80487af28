package dev.ytv2.content;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionedCacheTest {
    @Test
    void callersMissingTheSameKeyTogetherShareOneComputation() throws Exception {
        VersionedCache<String, Integer> cache = new VersionedCache<>(10);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> cache.get("facets", 7, () -> {
                    computed.incrementAndGet();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return 42;
                })));
            }
            // Let every caller arrive while the first computation is held open.
            Thread.sleep(300);
            release.countDown();
            for (Future<Integer> a : answers) assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(42);
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed).hasValue(1);
        assertThat(cache.get("facets", 7, () -> 0)).isEqualTo(42);
        assertThat(cache.get("facets", 8, () -> 43)).as("a new library version recomputes").isEqualTo(43);
    }

    @Test
    void aFailedComputationIsNotKeptAndTheNextCallerTriesAgain() {
        VersionedCache<String, Integer> cache = new VersionedCache<>(10);
        assertThatThrownBy(() -> cache.get("count", 1, () -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");
        assertThat(cache.get("count", 1, () -> 5)).isEqualTo(5);
    }
}
