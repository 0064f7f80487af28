package dev.ytv2.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Results computed for one `library_version`, reused until the library changes. Bounded, least
 * recently used out first. A value is stored under the version read before it was computed, so
 * it is never older than its version: a change committed in between only costs a recomputation.
 */
final class VersionedCache<K, V> {
    private record Entry<V>(long version, V value) {
    }

    private final Map<K, Entry<V>> entries;

    VersionedCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<V> get(K key, long version) {
        Entry<V> e = entries.get(key);
        return e != null && e.version() == version ? Optional.of(e.value()) : Optional.empty();
    }

    synchronized void put(K key, long version, V value) {
        entries.put(key, new Entry<>(version, value));
    }
}
