package dev.ytv2.semantic;

import java.util.concurrent.Semaphore;

/**
 * The cores, for ranked requests whose work computes in this process (the builtin model's embedding
 * of the query, the walk of the in-process index, the rows and the answer): at most one request per
 * lane, the others waiting in arrival order. Eight requests sharing two cores are each preempted at
 * random, so a request's latency depends on how the scheduler dealt with it; admitted one per core,
 * each runs to its end and latencies under load bunch closer to the median (docs/BENCHMARKS.md). A
 * lane is held across the request's database reads: the embedded database then uses that core,
 * while an external one leaves it idle for a round trip. Work that waits on a service instead (an
 * OpenAI-compatible provider, pgvector) is not run here: it would hold lanes while the cores idle.
 * The builtin model keeps lanes of its own for its runs (a worker's batches queue there too).
 */
final class ComputeLanes {
    /** Work that may throw one checked exception. */
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final Semaphore lanes;

    ComputeLanes(int lanes) {
        if (lanes < 1) throw new IllegalArgumentException("at least one lane, not " + lanes);
        this.lanes = new Semaphore(lanes, true);
    }

    /** One lane per core of this machine. */
    static ComputeLanes perCore() {
        return new ComputeLanes(Runtime.getRuntime().availableProcessors());
    }

    /** Runs `work` in a lane when `local` (it computes here), at once otherwise. */
    <T, E extends Exception> T run(boolean local, Work<T, E> work) throws E {
        if (!local) return work.run();
        lanes.acquireUninterruptibly();
        try {
            return work.run();
        } finally {
            lanes.release();
        }
    }

    /** How many threads wait for a lane now. */
    int waiting() {
        return lanes.getQueueLength();
    }
}
