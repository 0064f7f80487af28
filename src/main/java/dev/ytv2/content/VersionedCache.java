package dev.ytv2.content;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Results computed for one `library_version`, reused until the library changes. Bounded, least
 * recently used out first. A value is stored under the version read before it was computed, so
 * it is never older than its version: a change committed in between only costs a recomputation.
 * Requests that miss the same key at the same version wait for one computation instead of each
 * running it: after an ingest, every open dashboard asks for the same facets at once.
 */
final class VersionedCache<K, V> {
    private record Entry<V>(long version, V value) {
    }

    private record Flight<V>(long version, CompletableFuture<V> result) {
    }

    private final Map<K, Entry<V>> entries;
    private final Map<K, Flight<V>> inFlight = new HashMap<>();

    VersionedCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, long version, Supplier<V> compute) {
        Flight<V> flight;
        boolean mine = false;
        synchronized (this) {
            Entry<V> e = entries.get(key);
            if (e != null && e.version() == version) return e.value();
            flight = inFlight.get(key);
            if (flight == null || flight.version() != version) {
                flight = new Flight<>(version, new CompletableFuture<>());
                inFlight.put(key, flight);
                mine = true;
            }
        }
        if (!mine) return await(flight.result());
        try {
            V value = compute.get();
            synchronized (this) {
                entries.put(key, new Entry<>(version, value));
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
