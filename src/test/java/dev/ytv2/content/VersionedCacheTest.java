package dev.ytv2.content;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class VersionedCacheTest {
    @Test
    void callersMissingTheSameKeyTogetherShareOneComputation() throws Exception {
        VersionedCache<String, Integer> cache = new VersionedCache<>(10);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r);
            callers.add(t);
            return t;
        });
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
            // Every caller arrived and waits: one in the held computation, the others on its result.
            await().atMost(Duration.ofSeconds(10)).until(() -> callers.size() == 8 && callers.stream().allMatch(t ->
                    t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
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

    /** A clock the test moves, and a background that runs only when the test says so. */
    static final class Manual {
        final AtomicLong now = new AtomicLong(1);
        final List<Runnable> queued = new ArrayList<>();

        VersionedCache<String, String> cache() {
            return new VersionedCache<>(10, Duration.ofMillis(100), Duration.ofSeconds(2), now::get);
        }

        Supplier<String> slow(String value) {
            return () -> {
                now.addAndGet(Duration.ofMillis(500).toNanos());
                return value;
            };
        }

        void runQueued() {
            List<Runnable> jobs = new ArrayList<>(queued);
            queued.clear();
            jobs.forEach(Runnable::run);
        }
    }

    @Test
    void aSlowResultIsAnsweredFromTheLastVersionWhileTheNewOneIsComputedBehindIt() {
        Manual m = new Manual();
        VersionedCache<String, String> cache = m.cache();
        assertThat(cache.getAllowingStale("facets", 1, m.slow("v1"), m.queued::add)).isEqualTo("v1");

        assertThat(cache.getAllowingStale("facets", 2, m.slow("v2"), m.queued::add)).isEqualTo("v1");
        assertThat(m.queued).as("one recount, however many ask").hasSize(1);
        assertThat(cache.getAllowingStale("facets", 3, m.slow("v3"), m.queued::add)).isEqualTo("v1");
        assertThat(m.queued).hasSize(1);

        m.runQueued();
        assertThat(cache.getAllowingStale("facets", 2, m.slow("never"), m.queued::add)).isEqualTo("v2");
        assertThat(cache.getAllowingStale("facets", 3, m.slow("v3"), m.queued::add)).isEqualTo("v2");
        m.runQueued();
        assertThat(cache.getAllowingStale("facets", 3, m.slow("never"), m.queued::add)).isEqualTo("v3");
    }

    @Test
    void noAnswerLagsTheLibraryByMoreThanTheLimit() {
        Manual m = new Manual();
        VersionedCache<String, String> cache = m.cache();
        cache.getAllowingStale("facets", 1, m.slow("v1"), m.queued::add);
        assertThat(cache.getAllowingStale("facets", 2, m.slow("v2"), m.queued::add)).isEqualTo("v1");
        // The recount never ran (a busy background); two seconds later callers compute it themselves.
        m.now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.getAllowingStale("facets", 2, m.slow("v2 now"), m.queued::add)).isEqualTo("v2 now");
        // The overtaken recount is dropped when it finally runs, and the next change recounts again.
        m.runQueued();
        assertThat(cache.getAllowingStale("facets", 2, m.slow("never"), m.queued::add)).isEqualTo("v2 now");
        assertThat(cache.getAllowingStale("facets", 3, m.slow("v3"), m.queued::add)).isEqualTo("v2 now");
        assertThat(m.queued).hasSize(1);
        m.runQueued();
        assertThat(cache.getAllowingStale("facets", 3, m.slow("never"), m.queued::add)).isEqualTo("v3");
    }

    @Test
    void quickResultsAreNeverAnsweredStale() {
        Manual m = new Manual();
        VersionedCache<String, String> cache = m.cache();
        cache.getAllowingStale("facets", 1, () -> "v1", m.queued::add);
        assertThat(cache.getAllowingStale("facets", 2, () -> "v2", m.queued::add)).isEqualTo("v2");
        assertThat(m.queued).isEmpty();
    }
}
