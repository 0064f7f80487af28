package dev.ytv2.semantic;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@UnitTest
class ComputeLanesTest {
    interface Body {
        void run() throws Exception;
    }

    private static Thread started(Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void noMoreWorkRunsAtOnceThanThereAreLanes() throws InterruptedException {
        ComputeLanes lanes = new ComputeLanes(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            threads.add(started(() -> {
                for (int i = 0; i < 200; i++) {
                    lanes.run(true, () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        return running.decrementAndGet();
                    });
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void waitingWorkIsAdmittedInArrivalOrder() throws InterruptedException {
        ComputeLanes lanes = new ComputeLanes(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = started(() -> lanes.run(true, () -> {
            release.await(10, TimeUnit.SECONDS);
            return null;
        }));
        await().until(() -> lanes.waiting() == 0 && holder.getState() == Thread.State.TIMED_WAITING);
        List<String> admitted = new CopyOnWriteArrayList<>();
        List<Thread> queued = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            int before = lanes.waiting();
            queued.add(started(() -> lanes.run(true, () -> admitted.add(name))));
            await().until(() -> lanes.waiting() == before + 1);
        }
        release.countDown();
        holder.join();
        for (Thread t : queued) t.join();
        assertThat(admitted).containsExactly("a", "b", "c", "d");
    }

    @Test
    void workThatIsNotLocalDoesNotWaitForALane() throws InterruptedException {
        ComputeLanes lanes = new ComputeLanes(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = started(() -> lanes.run(true, () -> release.await(10, TimeUnit.SECONDS)));
        await().until(() -> holder.getState() == Thread.State.TIMED_WAITING);
        assertThat(lanes.run(false, () -> "remote")).isEqualTo("remote");
        release.countDown();
        holder.join();
    }

    @Test
    void aLaneIsGivenBackWhenItsWorkThrows() {
        ComputeLanes lanes = new ComputeLanes(1);
        assertThatThrownBy(() -> lanes.run(true, () -> {
            throw new EmbeddingException("provider down");
        })).isInstanceOf(EmbeddingException.class);
        assertThat(lanes.run(true, () -> "after")).isEqualTo("after");
        assertThatThrownBy(() -> new ComputeLanes(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
