package dev.ytv2.semantic;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * An approximate nearest-neighbour index: jvector's graph over the same unit vectors, searched from
 * an entry point through a few thousand neighbours instead of scoring every vector (docs/BENCHMARKS.md
 * has its recall against the exact answer). Below `exactBelow` vectors, and while the graph is being
 * built or cleaned, it scores every vector instead: exact, and at that size as fast.
 *
 * <p>Each vector gets an ordinal that is never reused: a changed vector is a new node and the old one
 * is dead. Results are always checked against the live ordinals, so a dead node only costs the search a
 * step until enough have gathered to clean them out of the graph. jvector scores through our own
 * {@link VectorMath#dot}, so its scalar fallback (Java 17, or no jdk.incubator.vector) costs no more
 * than the exact index's loop.
 */
public final class GraphVectorIndex implements InMemoryVectors {
    private static final Logger LOG = LoggerFactory.getLogger(GraphVectorIndex.class);
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();

    /** How the graph is built and searched; {@link #DEFAULTS} are the values measured in docs/BENCHMARKS.md. */
    public record Settings(int exactBelow, int maxDegree, int buildBeam, int searchBeam) {
        public static final Settings DEFAULTS = new Settings(5_000, 16, 100, 200);

        public Settings withExactBelow(int n) {
            return new Settings(n, maxDegree, buildBeam, searchBeam);
        }

        public Settings withSearchBeam(int n) {
            return new Settings(exactBelow, maxDegree, buildBeam, n);
        }

        public Settings withGraph(int degree, int buildBeam) {
            return new Settings(exactBelow, degree, buildBeam, searchBeam);
        }
    }

    private final int dimensions;
    private final Settings settings;
    private final ForkJoinPool pool;
    /** Guards the ids, ordinals and vector arrays. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Shared by adds and searches, which jvector runs concurrently; exclusive while dead nodes are cleaned. */
    private final ReentrantReadWriteLock graphLock = new ReentrantReadWriteLock();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final ConcurrentLinkedDeque<GraphSearcher> searchers = new ConcurrentLinkedDeque<>();
    private volatile float[][] vectors = new float[0][];
    private volatile String[] ids = new String[0];
    private int next;
    /** Ordinals that are no longer live but may still be nodes of the graph. */
    private final List<Integer> dead = new ArrayList<>();
    private final GraphIndexBuilder builder;
    /** Set once the start-up build has begun: from then on every put adds its own node. */
    private boolean graphLive;
    private volatile boolean graphReady;

    /** `pool` builds the graph at start-up; the caller owns it. */
    public GraphVectorIndex(int dimensions, Settings settings, ForkJoinPool pool) {
        this.dimensions = dimensions;
        this.settings = settings;
        this.pool = pool;
        // Alpha 1.2 and overflow 1.2 are jvector's usual values. The HNSW-style upper layers cost about
        // a fifth more build time and raised recall@10 at 100,000 from 0.89 to 0.93 at the same beam.
        this.builder = new GraphIndexBuilder(new Scores(), dimensions, settings.maxDegree(), settings.buildBeam(),
                1.2f, 1.2f, true, false, pool, pool);
    }

    /** Threads for the start-up build, one per core; daemons, so a server that stops is not held up. */
    public static ForkJoinPool buildPool() {
        return new ForkJoinPool(Runtime.getRuntime().availableProcessors(), p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("semantic-graph-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String kind() {
        if (!graphReady) return "graph (being built: every vector scored meanwhile)";
        if (searchesGraph()) return "graph";
        return size() == 0 ? "graph (empty)" : "graph (under " + settings.exactBelow() + " vectors: every vector scored)";
    }

    public Settings settings() {
        return settings;
    }

    /** Whether searches use the graph now (false before the start-up build ends and below exactBelow). */
    public boolean searchesGraph() {
        int n = size();
        return graphReady && n > 0 && n >= settings.exactBelow();
    }

    @Override
    public void reserve(int capacity) {
        lock.writeLock().lock();
        try {
            if (capacity > ids.length) growTo(capacity);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void put(String videoId, float[] vector) {
        if (vector.length != dimensions) throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + vector.length);
        int ordinal;
        boolean addNode;
        lock.writeLock().lock();
        try {
            ordinal = next++;
            if (ordinal >= ids.length) growTo(Math.max(1024, ids.length + ids.length / 2));
            vectors[ordinal] = vector.clone();
            ids[ordinal] = videoId;
            Integer old = ordinals.put(videoId, ordinal);
            if (old != null) retire(old);
            addNode = graphLive;
        } finally {
            lock.writeLock().unlock();
        }
        if (addNode) addNode(ordinal);
        cleanIfDue();
    }

    @Override
    public void remove(String videoId) {
        lock.writeLock().lock();
        try {
            Integer old = ordinals.remove(videoId);
            if (old != null) retire(old);
        } finally {
            lock.writeLock().unlock();
        }
        cleanIfDue();
    }

    /** Under the write lock. */
    private void retire(int ordinal) {
        ids[ordinal] = null;
        if (graphLive) dead.add(ordinal);
        else vectors[ordinal] = null;
    }

    /**
     * Builds the graph of every vector put so far, in the caller's thread with the pool's help; puts
     * made meanwhile add their own nodes. Until it ends, searches score every vector.
     */
    @Override
    public void loaded() {
        int upTo;
        lock.writeLock().lock();
        try {
            upTo = next;
            graphLive = true;
        } finally {
            lock.writeLock().unlock();
        }
        long began = System.nanoTime();
        try {
            pool.submit(() -> IntStream.range(0, upTo).parallel().forEach(this::addNode)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the vector graph could not be built", e.getCause());
        }
        graphReady = true;
        LOG.info("semantic graph: {} vectors linked in {} ms", upTo, (System.nanoTime() - began) / 1_000_000);
    }

    private void addNode(int ordinal) {
        float[] v = vectors[ordinal];
        if (v == null) return;
        graphLock.readLock().lock();
        try {
            builder.addGraphNode(ordinal, VTS.createFloatVector(v));
        } finally {
            graphLock.readLock().unlock();
        }
    }

    /**
     * Dead nodes still cost searches a step each; once they are a tenth of the graph they are cut out
     * and their neighbours relinked. Searches meanwhile score every vector rather than wait.
     */
    private void cleanIfDue() {
        List<Integer> gone;
        lock.writeLock().lock();
        try {
            if (!graphReady || dead.size() < Math.max(256, ordinals.size() / 10)) return;
            gone = new ArrayList<>(dead);
            dead.clear();
        } finally {
            lock.writeLock().unlock();
        }
        long began = System.nanoTime();
        graphLock.writeLock().lock();
        try {
            var graph = builder.getGraph();
            for (int ordinal : gone) {
                if (graph.containsNode(ordinal)) builder.markNodeDeleted(ordinal);
            }
            builder.removeDeletedNodes();
            searchers.clear();
        } finally {
            graphLock.writeLock().unlock();
        }
        lock.writeLock().lock();
        try {
            for (int ordinal : gone) vectors[ordinal] = null;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("semantic graph: {} replaced or deleted vectors cleaned out in {} ms", gone.size(), (System.nanoTime() - began) / 1_000_000);
    }

    @Override
    public Optional<float[]> get(String videoId) {
        lock.readLock().lock();
        try {
            Integer ordinal = ordinals.get(videoId);
            return ordinal == null ? Optional.empty() : Optional.of(vectors[ordinal].clone());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return ordinals.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The vectors kept (live, and dead ones not yet cleaned out), their ids, and the graph's links. */
    @Override
    public long bytes() {
        lock.readLock().lock();
        try {
            long held = 0;
            for (int i = 0; i < next; i++) if (vectors[i] != null) held += 16L + 4L * dimensions;
            return held + (long) ids.length * 8 + (long) vectors.length * 8 + (long) ordinals.size() * 160 + builder.getGraph().ramBytesUsed();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Filtered searches over-fetch this many and filter after; the graph's walk grows with it. */
    @Override
    public int candidates(int k) {
        return searchesGraph() ? Math.max(4 * k, 400) : Math.max(k, 2_000);
    }

    @Override
    public List<VectorIndex.Hit> nearest(float[] query, int k, Predicate<String> allow) {
        if (query.length != dimensions) throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + query.length);
        if (k <= 0) return List.of();
        if (!searchesGraph() || !graphLock.readLock().tryLock()) return exact(query, k, allow);
        List<VectorIndex.Hit> hits;
        try {
            hits = graph(query, k, allow);
        } finally {
            graphLock.readLock().unlock();
        }
        // Short of k: a filter that few reports pass, which the walk through the graph rarely reaches.
        // Scoring every vector then gives the right answer, whatever the filter.
        return hits.size() < k ? exact(query, k, allow) : hits;
    }

    private List<VectorIndex.Hit> graph(float[] query, int k, Predicate<String> allow) {
        String[] names = ids;
        Bits accept = ordinal -> {
            String id = ordinal < names.length ? names[ordinal] : null;
            return id != null && allow.test(id);
        };
        GraphSearcher searcher = searchers.poll();
        if (searcher == null) searcher = new GraphSearcher(builder.getGraph());
        // A view is a snapshot: a pooled searcher's old one would never see nodes added since it was
        // made, so a report embedded after start-up could not be found. Each search gets a fresh one.
        else searcher.setView(builder.getGraph().getView());
        try {
            SearchResult result = searcher.search(new Scores().searchProviderFor(query), k, Math.max(k, settings.searchBeam()), 0f, 0f, accept);
            List<VectorIndex.Hit> out = new ArrayList<>(result.getNodes().length);
            lock.readLock().lock();
            try {
                for (SearchResult.NodeScore n : result.getNodes()) {
                    String id = ids[n.node];
                    float[] v = vectors[n.node];
                    // Re-checked: the vector may have been replaced while the search ran.
                    if (id != null && v != null && allow.test(id)) out.add(new VectorIndex.Hit(id, VectorMath.dot(query, v, 0, dimensions)));
                }
            } finally {
                lock.readLock().unlock();
            }
            out.sort(VectorIndex.Hit.BEST_FIRST);
            return out.size() > k ? out.subList(0, k) : out;
        } finally {
            searchers.push(searcher);
        }
    }

    /** Every live vector scored. */
    List<VectorIndex.Hit> exact(float[] query, int k, Predicate<String> allow) {
        TopK top = new TopK(k);
        lock.readLock().lock();
        try {
            for (int ordinal = 0; ordinal < next; ordinal++) {
                String id = ids[ordinal];
                if (id == null) continue;
                float score = VectorMath.dot(query, vectors[ordinal], 0, dimensions);
                if (top.accepts(score) && allow.test(id)) top.add(score, ordinal);
            }
            return top.sorted(ids);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<VectorIndex.Hit> nearestAmong(float[] query, int k, Set<String> among, Predicate<String> allow) {
        if (query.length != dimensions) throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + query.length);
        if (k <= 0) return List.of();
        // A filter that many reports pass is searched in the graph (exact scoring would cost about as
        // much as scoring the library); a narrower one is scored report by report.
        if (among.size() >= settings.exactBelow() && searchesGraph()) return nearest(query, k, allow.and(among::contains));
        TopK top = new TopK(k);
        lock.readLock().lock();
        try {
            for (String id : among) {
                Integer ordinal = ordinals.get(id);
                if (ordinal == null || !allow.test(id)) continue;
                float score = VectorMath.dot(query, vectors[ordinal], 0, dimensions);
                if (top.accepts(score)) top.add(score, ordinal);
            }
            return top.sorted(ids);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Under the write lock; the arrays are replaced, never changed in a place a reader holds. */
    private void growTo(int capacity) {
        vectors = Arrays.copyOf(vectors, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }

    /**
     * jvector's scores through our dot product: the same ordering as its DOT_PRODUCT function,
     * (1 + cos) / 2, which its pruning expects in [0, 1].
     */
    private final class Scores implements BuildScoreProvider {
        @Override
        public boolean isExact() {
            return true;
        }

        @Override
        public VectorFloat<?> approximateCentroid() {
            float[][] all = vectors;
            float[] sum = new float[dimensions];
            int n = 0;
            for (float[] v : all) {
                if (v == null) continue;
                for (int i = 0; i < dimensions; i++) sum[i] += v[i];
                n++;
            }
            if (n > 0) for (int i = 0; i < dimensions; i++) sum[i] /= n;
            return VTS.createFloatVector(sum);
        }

        SearchScoreProvider searchProviderFor(float[] q) {
            if (q == null) return new DefaultSearchScoreProvider((ScoreFunction.ExactScoreFunction) node -> 0f);
            return new DefaultSearchScoreProvider((ScoreFunction.ExactScoreFunction) node -> {
                float[] v = vectors[node];
                return v == null ? 0f : (1 + VectorMath.dot(q, v, 0, dimensions)) / 2;
            });
        }

        @Override
        public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
            return searchProviderFor(floats(vector));
        }

        @Override
        public SearchScoreProvider searchProviderFor(int node) {
            return searchProviderFor(vectors[node]);
        }

        @Override
        public SearchScoreProvider diversityProviderFor(int node) {
            return searchProviderFor(vectors[node]);
        }
    }

    private float[] floats(VectorFloat<?> v) {
        if (v.get() instanceof float[] a && a.length == dimensions) return a;
        float[] out = new float[v.length()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
    }
}
