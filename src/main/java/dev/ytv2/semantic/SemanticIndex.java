package dev.ytv2.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.events.EventLog;
import dev.ytv2.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The vectors of the configured model, in memory, kept in step with the table through the event
 * log: `embeddings-updated` reads the new vectors, `report-deleted` drops one. Events that arrive
 * while the table is still being read are remembered and re-read after it, so neither order loses one.
 * The vectors themselves live in an exact {@link VectorIndex} or a {@link GraphVectorIndex}.
 */
public final class SemanticIndex implements Neighbours {
    private static final Logger LOG = LoggerFactory.getLogger(SemanticIndex.class);

    private final EmbeddingStore store;
    private final String model;
    private final InMemoryVectors vectors;
    private final ObjectMapper mapper;
    private final Object loading = new Object();
    private Set<String> pending = new HashSet<>();
    private volatile boolean loaded;

    /** `vectors` is empty; this index fills it from the table and keeps it in step. */
    public SemanticIndex(EmbeddingStore store, String model, InMemoryVectors vectors, ObjectMapper mapper) {
        this.store = store;
        this.model = model;
        this.vectors = vectors;
        this.mapper = mapper;
    }

    public String model() {
        return model;
    }

    /** Reads every stored vector of the model; call once the event follower is registered. */
    public SemanticIndex load() {
        long began = System.nanoTime();
        vectors.reserve((int) Math.min(Integer.MAX_VALUE / vectors.dimensions(), store.coverage(model).embedded() + 1024));
        store.forEach(model, (id, v) -> {
            if (v.length == vectors.dimensions()) vectors.put(id, v);
        });
        Set<String> again;
        synchronized (loading) {
            again = pending;
            pending = null;
            loaded = true;
        }
        refresh(new ArrayList<>(again));
        LOG.info("semantic index: {} vectors of {} loaded in {} ms", vectors.size(), model, (System.nanoTime() - began) / 1_000_000);
        // Searches are answered from here on (by scoring every vector until a graph is built).
        vectors.loaded();
        return this;
    }

    @Override
    public boolean loaded() {
        return loaded;
    }

    /** The event follower. */
    public void onEvent(EventLog.Entry e) {
        List<String> ids = e.is(EventType.EMBEDDINGS_UPDATED) ? idsOf(e.payload())
                : e.is(EventType.REPORT_DELETED) && e.videoId() != null ? List.of(e.videoId())
                : List.of();
        if (ids.isEmpty()) return;
        synchronized (loading) {
            if (pending != null) {
                pending.addAll(ids);
                return;
            }
        }
        refresh(ids);
    }

    private List<String> idsOf(String payload) {
        try {
            JsonNode p = mapper.readTree(payload);
            if (!model.equals(p.path("model").asText())) return List.of();
            List<String> out = new ArrayList<>();
            p.path("video_ids").forEach(n -> out.add(n.asText()));
            return out;
        } catch (java.io.IOException ex) {
            return List.of();
        }
    }

    /** Whatever the table says now: the vector, or none. */
    private void refresh(List<String> ids) {
        if (ids.isEmpty()) return;
        var current = store.vectors(ids, model);
        for (String id : ids) {
            float[] v = current.get(id);
            if (v != null && v.length == vectors.dimensions()) vectors.put(id, v);
            else vectors.remove(id);
        }
    }

    @Override
    public Optional<float[]> vectorOf(String videoId) {
        return vectors.get(videoId);
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public List<VectorIndex.Hit> nearest(float[] query, int k, Predicate<String> allow) {
        return vectors.nearest(query, k, allow);
    }

    @Override
    public List<VectorIndex.Hit> nearestAmong(float[] query, int k, Set<String> among, Predicate<String> allow) {
        return vectors.nearestAmong(query, k, among, allow);
    }

    @Override
    public int candidates(int k) {
        return vectors.candidates(k);
    }

    @Override
    public String kind() {
        return vectors.kind();
    }

    @Override
    public int dimensions() {
        return vectors.dimensions();
    }

    @Override
    public int size() {
        return vectors.size();
    }

    @Override
    public long bytes() {
        return vectors.bytes();
    }
}
