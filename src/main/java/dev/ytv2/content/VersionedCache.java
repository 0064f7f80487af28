package dev.ytv2.content;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Results computed for one `library_version`, reused until the library changes. Bounded, least
 * recently used out first. A value is stored under the version read before it was computed, so
 * it is never older than its version: a change committed in between only costs a recomputation.
 * Requests that miss the same key at the same version wait for one computation instead of each
 * running it: after an ingest, every open dashboard asks for the same facets at once.
 */
final class VersionedCache<K, V> {
    /** `outdatedSince`: when a request first found a newer library version (0 while current). */
    private record Entry<V>(long version, V value, long costNanos, long outdatedSince) {
    }

    /** `background`: queued behind other recounts; callers past the stale limit do not wait for it. */
    private record Flight<V>(long version, CompletableFuture<V> result, boolean background) {
    }

    private final Map<K, Entry<V>> entries;
    private final Map<K, Flight<V>> inFlight = new HashMap<>();
    private final long slowNanos;
    private final long maxStaleNanos;
    private final LongSupplier nanoTime;

    VersionedCache(int capacity) {
        this(capacity, Duration.ZERO, Duration.ZERO, System::nanoTime);
    }

    /**
     * With `maxStale` above zero, {@link #getAllowingStale} may answer a result that took at least
     * `slow` to compute from an older version, for up to `maxStale`, while the new one is computed.
     */
    VersionedCache(int capacity, Duration slow, Duration maxStale, LongSupplier nanoTime) {
        this.slowNanos = slow.toNanos();
        this.maxStaleNanos = maxStale.toNanos();
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, long version, Supplier<V> compute) {
        Flight<V> flight;
        boolean mine;
        synchronized (this) {
            Entry<V> e = entries.get(key);
            if (e != null && e.version() == version) return e.value();
            flight = inFlight.get(key);
            mine = flight == null || flight.version() != version || flight.background();
            if (mine) flight = start(key, version, false);
        }
        return mine ? run(key, flight, compute) : await(flight.result());
    }

    /**
     * As {@link #get}, for results that are slow to compute (facets of a large library): when the
     * library has moved on, the last result is answered at once while one computation of the new
     * version runs on `background`, so an ingest every second does not make every dashboard wait
     * half a second for its facets. Answers lag the library by at most `maxStale`; after that, or
     * for results that were quick to compute, callers wait for the current version as with `get`.
     */
    V getAllowingStale(K key, long version, Supplier<V> compute, Executor background) {
        synchronized (this) {
            Entry<V> e = entries.get(key);
            if (e != null && e.version() < version && e.costNanos() >= slowNanos && maxStaleNanos > 0) {
                long now = nanoTime.getAsLong();
                if (e.outdatedSince() == 0) {
                    e = new Entry<>(e.version(), e.value(), e.costNanos(), now);
                    entries.put(key, e);
                }
                if (now - e.outdatedSince() < maxStaleNanos) {
                    if (!inFlight.containsKey(key)) {
                        Flight<V> flight = start(key, version, true);
                        try {
                            background.execute(() -> {
                                try {
                                    if (!skipIfCurrent(key, flight)) run(key, flight, compute);
                                } catch (RuntimeException | Error ignored) {
                                    // the flight carries it to anyone waiting; a later request retries
                                }
                            });
                        } catch (RejectedExecutionException busy) {
                            inFlight.remove(key, flight);
                            flight.result().completeExceptionally(busy);
                        }
                    }
                    return e.value();
                }
            }
        }
        return get(key, version, compute);
    }

    /** Called holding the lock: the flight that computes `version` of `key`. */
    private Flight<V> start(K key, long version, boolean background) {
        Flight<V> flight = new Flight<>(version, new CompletableFuture<>(), background);
        inFlight.put(key, flight);
        return flight;
    }

    /** A queued recount that a caller has overtaken meanwhile is dropped instead of run. */
    private synchronized boolean skipIfCurrent(K key, Flight<V> flight) {
        Entry<V> e = entries.get(key);
        if (e == null || e.version() < flight.version()) return false;
        inFlight.remove(key, flight);
        flight.result().cancel(false);
        return true;
    }

    private V run(K key, Flight<V> flight, Supplier<V> compute) {
        try {
            long t0 = nanoTime.getAsLong();
            V value = compute.get();
            long cost = nanoTime.getAsLong() - t0;
            synchronized (this) {
                Entry<V> e = entries.get(key);
                if (e == null || e.version() <= flight.version()) entries.put(key, new Entry<>(flight.version(), value, cost, 0));
                inFlight.remove(key, flight);
            }
            flight.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                inFlight.remove(key, flight);
            }
            flight.result().completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V await(CompletableFuture<V> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
