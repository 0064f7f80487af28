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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** `productCodes`: whether searches walk the graph on {@link ProductCodes} (then rescore exactly) or on exact scores throughout. */
    public record Settings(int exactBelow, int maxDegree, int buildBeam, int searchBeam, boolean productCodes) {
        public static final Settings DEFAULTS = new Settings(5_000, 16, 100, 200, true);

        public Settings withExactBelow(int n) {
            return new Settings(n, maxDegree, buildBeam, searchBeam, productCodes);
        }

        public Settings withSearchBeam(int n) {
            return new Settings(exactBelow, maxDegree, buildBeam, n, productCodes);
        }

        public Settings withGraph(int degree, int buildBeam) {
            return new Settings(exactBelow, degree, buildBeam, searchBeam, productCodes);
        }

        public Settings withProductCodes(boolean on) {
            return new Settings(exactBelow, maxDegree, buildBeam, searchBeam, on);
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
    /** Set once trained (see {@link #trainCodes}); from then on every put appends its vector's code. */
    private volatile ProductCodes codes;
    private final AtomicBoolean training = new AtomicBoolean();
    /** The live vectors at the last training that gave no codes: the next try waits until they have doubled. */
    private volatile int untrainedAt;

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
        if (searchesGraph()) return training.get() && codes == null ? "graph (product codes being trained: exact scores meanwhile)" : "graph";
        return size() == 0 ? "graph (empty)" : "graph (under " + settings.exactBelow() + " vectors: every vector scored)";
    }

    public Settings settings() {
        return settings;
    }

    /** Whether searches walk the graph on product codes (trained once the graph is built and large enough). */
    boolean walksOnCodes() {
        return codes != null;
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
            ProductCodes pc = codes;
            if (pc != null) pc.append(ordinal, pc.encode(vector));
        } finally {
            lock.writeLock().unlock();
        }
        if (addNode) addNode(ordinal);
        cleanIfDue();
        // A library that grew from empty (a first backfill) trains its codes once it is large enough.
        if (codes == null && graphReady && wantsCodes() && !training.get()) {
            try {
                pool.execute(this::trainCodes);
            } catch (RejectedExecutionException e) {
                // shutting down: searches keep scoring exactly
            }
        }
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
        if (wantsCodes()) trainCodes();
    }

    /** Whether codes should be trained now: on, dimensions that split into slices, and enough vectors. */
    private boolean wantsCodes() {
        int n = size();
        return settings.productCodes() && dimensions % ProductCodes.SLICE == 0
                && n >= Math.max(ProductCodes.MIN_VECTORS, settings.exactBelow()) && n >= 2L * untrainedAt;
    }

    /**
     * Trains the product codes on a sample of the live vectors and encodes every ordinal; searches walk
     * on exact scores until they are published. Puts meanwhile are encoded in the last step, under the lock.
     */
    private void trainCodes() {
        if (codes != null || !training.compareAndSet(false, true)) return;
        try {
            long began = System.nanoTime();
            int upTo;
            List<float[]> sample = new ArrayList<>();
            lock.readLock().lock();
            try {
                upTo = next;
                int live = ordinals.size();
                int step = Math.max(1, live / ProductCodes.TRAINING_SAMPLE);
                int seen = 0;
                for (int o = 0; o < upTo && sample.size() < ProductCodes.TRAINING_SAMPLE; o++) {
                    if (ids[o] != null && seen++ % step == 0) sample.add(vectors[o]);
                }
            } finally {
                lock.readLock().unlock();
            }
            Optional<ProductCodes> trained = ProductCodes.train(sample, dimensions);
            if (trained.isEmpty()) {
                untrainedAt = Math.max(1, sample.size());
                return;
            }
            ProductCodes pc = trained.get();
            float[][] all = vectors;
            byte[][] encoded = pool.submit(() -> IntStream.range(0, upTo).parallel()
                    .mapToObj(o -> all[o] == null ? null : pc.encode(all[o])).toArray(byte[][]::new)).get();
            byte[] none = new byte[dimensions / ProductCodes.SLICE];
            lock.writeLock().lock();
            try {
                // A dead ordinal's code is never trusted (results are checked against the live ids).
                for (int o = 0; o < upTo; o++) pc.append(o, encoded[o] == null ? none : encoded[o]);
                for (int o = upTo; o < next; o++) pc.append(o, vectors[o] == null ? none : pc.encode(vectors[o]));
                codes = pc;
            } finally {
                lock.writeLock().unlock();
            }
            LOG.info("semantic graph: {} vectors given product codes in {} ms", upTo, (System.nanoTime() - began) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            untrainedAt = Math.max(1, size());
            LOG.warn("semantic graph: product codes could not be trained; searches score exactly", e);
        } finally {
            training.set(false);
        }
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
            ProductCodes pc = codes;
            if (pc != null) held += pc.bytes();
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
            ProductCodes pc = codes;
            SearchScoreProvider scores = pc == null ? new Scores().searchProviderFor(query) : new Scores().approximateFor(query, pc);
            SearchResult result = searcher.search(scores, k, Math.max(k, settings.searchBeam()), 0f, 0f, accept);
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
            return new DefaultSearchScoreProvider(exactFor(q));
        }

        private ScoreFunction.ExactScoreFunction exactFor(float[] q) {
            return node -> {
                float[] v = vectors[node];
                return v == null ? 0f : (1 + VectorMath.dot(q, v, 0, dimensions)) / 2;
            };
        }

        /**
         * Walks on the codes (an ordinal added after the snapshot of count is scored exactly); jvector
         * then rescores the beam's best exactly and answers the best k of those.
         */
        SearchScoreProvider approximateFor(float[] q, ProductCodes pc) {
            float[] table = pc.table(q);
            int coded = pc.count();
            ScoreFunction.ExactScoreFunction exact = exactFor(q);
            return new DefaultSearchScoreProvider((ScoreFunction.ApproximateScoreFunction) node ->
                    node < coded ? (1 + pc.dot(table, node)) / 2 : exact.similarityTo(node), exact);
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
