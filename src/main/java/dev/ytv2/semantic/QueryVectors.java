package dev.ytv2.semantic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query texts to vectors, the most recent few hundred kept: paging through one search embeds it once. */
final class QueryVectors {
    private static final int KEEP = 512;

    private final EmbeddingProvider provider;
    private final Map<String, float[]> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > KEEP;
        }
    };

    QueryVectors(EmbeddingProvider provider) {
        this.provider = provider;
    }

    float[] vector(String query) throws EmbeddingException {
        String key = query.strip();
        synchronized (recent) {
            float[] hit = recent.get(key);
            if (hit != null) return hit;
        }
        List<float[]> out = provider.embed(List.of(key));
        if (out.size() != 1) throw new EmbeddingException("the provider answered " + out.size() + " vectors for one query");
        synchronized (recent) {
            recent.put(key, out.get(0));
        }
        return out.get(0);
    }
}
