package dev.ytv2.semantic;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Query texts to vectors, the most recent `keep` kept (YTV2_QUERY_VECTOR_CACHE): paging through one
 * search, or coming back to it, embeds it once. Texts that differ only in spacing or Unicode form share
 * an entry (the model reads them alike); case is kept, since not every provider ignores it.
 */
final class QueryVectors {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final EmbeddingProvider provider;
    private final int keep;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Map<String, float[]> recent;

    QueryVectors(EmbeddingProvider provider, int keep) {
        this.provider = provider;
        this.keep = keep;
        this.recent = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > QueryVectors.this.keep;
            }
        };
    }

    /** How the cache has done since start-up. */
    record Stats(int size, int capacity, long hits, long misses) {
    }

    static String key(String query) {
        return SPACES.matcher(Normalizer.normalize(query, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }

    float[] vector(String query) throws EmbeddingException {
        String key = key(query);
        synchronized (recent) {
            float[] hit = recent.get(key);
            if (hit != null) {
                hits.increment();
                return hit;
            }
        }
        misses.increment();
        List<float[]> out = provider.embed(List.of(key));
        if (out.size() != 1) throw new EmbeddingException("the provider answered " + out.size() + " vectors for one query");
        if (keep > 0) {
            synchronized (recent) {
                recent.put(key, out.get(0));
            }
        }
        return out.get(0);
    }

    Stats stats() {
        synchronized (recent) {
            return new Stats(recent.size(), keep, hits.sum(), misses.sum());
        }
    }
}
