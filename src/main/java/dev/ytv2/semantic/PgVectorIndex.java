package dev.ytv2.semantic;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Nearest reports from PostgreSQL's pgvector: a `vector` column beside the stored bytes and, per
 * model, a partial HNSW index over it with the cosine operator (`halfvec` above 2,000 dimensions,
 * pgvector's limit for `vector` indexes). Used instead of the in-process index where the extension
 * is installed; rows stored before that get their column filled at start-up.
 */
public final class PgVectorIndex implements Neighbours {
    private static final Logger LOG = LoggerFactory.getLogger(PgVectorIndex.class);

    private final EmbeddingStore store;
    private final String model;
    private final int dimensions;
    private final String cast;

    private PgVectorIndex(EmbeddingStore store, String model, int dimensions) {
        this.store = store;
        this.model = model;
        this.dimensions = dimensions;
        this.cast = (dimensions > 2000 ? "halfvec(" : "vector(") + dimensions + ")";
    }

    /** Empty where the database has no pgvector: the caller then keeps the in-process index. */
    public static Optional<PgVectorIndex> install(EmbeddingStore store, String model, int dimensions) {
        Jdbi jdbi = store.jdbi();
        if (!PgVector.available(jdbi)) return Optional.empty();
        PgVectorIndex index = new PgVectorIndex(store, model, dimensions);
        String ops = dimensions > 2000 ? "halfvec_cosine_ops" : "vector_cosine_ops";
        String name = "report_embeddings_hnsw_" + EmbeddingText.sha256(model).substring(0, 12);
        jdbi.useHandle(h -> {
            h.execute("CREATE EXTENSION IF NOT EXISTS vector");
            h.execute("ALTER TABLE report_embeddings ADD COLUMN IF NOT EXISTS embedding vector");
            h.execute("CREATE INDEX IF NOT EXISTS " + name + " ON report_embeddings USING hnsw ((embedding::" + index.cast + ") " + ops
                    + ") WHERE model = '" + model.replace("'", "''") + "'");
        });
        int filled = store.fillVectorColumn(model);
        LOG.info("pgvector: semantic search uses an HNSW index in PostgreSQL ({} vectors filled in now)", filled);
        return Optional.of(index);
    }

    @Override
    public boolean loaded() {
        return true;
    }

    @Override
    public int size() {
        return (int) store.coverage(model).embedded();
    }

    @Override
    public String kind() {
        return "pgvector";
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    /** The vectors live in PostgreSQL, not in this process. */
    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public Optional<float[]> vectorOf(String videoId) {
        return Optional.ofNullable(store.vectors(List.of(videoId), model).get(videoId));
    }

    @Override
    public List<VectorIndex.Hit> nearest(float[] query, int k, Predicate<String> allow) {
        String q = EmbeddingStore.literal(query);
        return store.jdbi().inTransaction(h -> {
            h.execute("SET LOCAL hnsw.ef_search = " + Math.min(1000, Math.max(40, k)));
            return h.createQuery("""
                            SELECT video_id, 1 - (embedding::%1$s <=> CAST(:q AS %1$s)) FROM report_embeddings
                            WHERE model = :m AND embedding IS NOT NULL
                            ORDER BY embedding::%1$s <=> CAST(:q AS %1$s) LIMIT :k""".formatted(cast))
                    .bind("q", q).bind("m", model).bind("k", k)
                    .map((rs, ctx) -> new VectorIndex.Hit(rs.getString(1), rs.getDouble(2))).list()
                    .stream().filter(hit -> allow.test(hit.videoId())).toList();
        });
    }
}
