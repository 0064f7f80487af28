package dev.ytv2.semantic;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The `report_embeddings` table, and the report text it is computed from. */
public final class EmbeddingStore {
    private static final String SUMMARY_PREFERENCE = "ARRAY['comprehensive', 'executive', 'key-insights', 'bullet-points']";

    private final Jdbi jdbi;
    private volatile Boolean hasVectorColumn;

    public EmbeddingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A report's text to embed as it is now, its parts, and the report's updated_at it was read at. */
    public record Source(EmbeddingText text, String title, String channel, String contentSource, String summary,
                         OffsetDateTime updatedAt) {
    }

    /** The summary is the latest text of the richest variant the report has. */
    public List<Source> sources(Handle h, List<String> videoIds) {
        return h.createQuery("""
                        SELECT c.video_id, c.title, c.channel_name, c.content_source, c.updated_at,
                               (SELECT s.text FROM v_latest_summaries s
                                WHERE s.video_id = c.video_id AND btrim(coalesce(s.text, '')) <> ''
                                ORDER BY array_position(%s, s.variant) NULLS LAST, s.variant LIMIT 1)
                        FROM content c WHERE c.video_id = ANY(:ids)""".formatted(SUMMARY_PREFERENCE))
                .bind("ids", videoIds.toArray(String[]::new))
                .map((rs, ctx) -> new Source(EmbeddingText.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(6)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(6), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    public Map<String, String> hashes(Handle h, List<String> videoIds, String model) {
        Map<String, String> out = new HashMap<>();
        h.createQuery("SELECT video_id, source_hash FROM report_embeddings WHERE model = :model AND video_id = ANY(:ids)")
                .bind("model", model).bind("ids", videoIds.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public void put(Handle h, String videoId, String model, float[] vector, String hash, OffsetDateTime contentUpdatedAt) {
        h.createUpdate("""
                        INSERT INTO report_embeddings (video_id, model, dimensions, vector, source_hash, content_updated_at, embedded_at)
                        VALUES (:id, :model, :dims, :vector, :hash, :updated, now())
                        ON CONFLICT (video_id, model) DO UPDATE SET dimensions = EXCLUDED.dimensions, vector = EXCLUDED.vector,
                            source_hash = EXCLUDED.source_hash, content_updated_at = EXCLUDED.content_updated_at,
                            embedded_at = now()""")
                .bind("id", videoId).bind("model", model).bind("dims", vector.length).bind("vector", bytes(vector))
                .bind("hash", hash).bind("updated", contentUpdatedAt).execute();
        if (vectorColumn(h)) {
            h.createUpdate("UPDATE report_embeddings SET embedding = CAST(:v AS vector) WHERE video_id = :id AND model = :model")
                    .bind("v", literal(vector)).bind("id", videoId).bind("model", model).execute();
        }
    }

    /** The pgvector column exists once {@link PgVectorIndex} installed it; asked once per process. */
    private boolean vectorColumn(Handle h) {
        Boolean known = hasVectorColumn;
        if (known == null) {
            known = h.createQuery("""
                            SELECT EXISTS (SELECT 1 FROM information_schema.columns
                                           WHERE table_name = 'report_embeddings' AND column_name = 'embedding')""")
                    .mapTo(Boolean.class).one();
            hasVectorColumn = known;
        }
        return known;
    }

    /** Writes the pgvector column of rows stored before it existed; returns how many. */
    int fillVectorColumn(String model) {
        hasVectorColumn = true;
        int filled = 0;
        while (true) {
            Map<String, float[]> batch = new HashMap<>();
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT video_id, vector FROM report_embeddings WHERE model = :model AND embedding IS NULL LIMIT 1000""")
                    .bind("model", model).map((rs, ctx) -> Map.entry(rs.getString(1), floats(rs.getBytes(2))))
                    .forEach(e -> batch.put(e.getKey(), e.getValue())));
            if (batch.isEmpty()) return filled;
            jdbi.useTransaction(h -> batch.forEach((id, v) -> h.createUpdate(
                            "UPDATE report_embeddings SET embedding = CAST(:v AS vector) WHERE video_id = :id AND model = :model")
                    .bind("v", literal(v)).bind("id", id).bind("model", model).execute()));
            filled += batch.size();
        }
    }

    /**
     * An existing installation's own vectors (`content.embedding` of `text-embedding-3-large`), for
     * reports whose text has not changed since: `embedding_source_hash` equals the hash of our text.
     */
    public Map<String, float[]> existing(Handle h, Map<String, String> hashById) {
        Map<String, float[]> out = new HashMap<>();
        if (hashById.isEmpty() || !h.createQuery("""
                        SELECT count(*) = 3 FROM information_schema.columns WHERE table_name = 'content'
                          AND column_name IN ('embedding', 'embedding_model', 'embedding_source_hash')""")
                .mapTo(Boolean.class).one()) {
            return out;
        }
        h.createQuery("""
                        SELECT video_id, embedding::text, embedding_source_hash FROM content
                        WHERE video_id = ANY(:ids) AND embedding IS NOT NULL AND embedding_model = 'text-embedding-3-large'""")
                .bind("ids", hashById.keySet().toArray(String[]::new))
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(r -> {
                    if (r[2] != null && r[2].equals(hashById.get(r[0]))) out.put(r[0], parse(r[1]));
                });
        return out;
    }

    /** pgvector's text form, `[0.1,0.2,...]`. */
    static String literal(float[] v) {
        StringBuilder b = new StringBuilder(v.length * 10).append('[');
        for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ",").append(v[i]);
        return b.append(']').toString();
    }

    static float[] parse(String literal) {
        String body = literal.strip();
        body = body.substring(1, body.length() - 1);
        if (body.isBlank()) return new float[0];
        String[] parts = body.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) v[i] = Float.parseFloat(parts[i].strip());
        return v;
    }

    /** The text did not change (an image or audio change moved updated_at): only the check is recorded. */
    public void checked(Handle h, String videoId, String model, OffsetDateTime contentUpdatedAt) {
        h.createUpdate("UPDATE report_embeddings SET content_updated_at = :updated WHERE video_id = :id AND model = :model")
                .bind("id", videoId).bind("model", model).bind("updated", contentUpdatedAt).execute();
    }

    /**
     * Reports whose vector for this model is missing or older than the report, with no embedding
     * job waiting or running, and not failed for good since the report last changed.
     */
    public List<String> stale(String model, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.video_id FROM content c
                        LEFT JOIN report_embeddings e ON e.video_id = c.video_id AND e.model = :model
                        WHERE (e.video_id IS NULL OR e.content_updated_at IS NULL OR e.content_updated_at < c.updated_at)
                          AND NOT EXISTS (SELECT 1 FROM image_jobs j WHERE j.video_id = c.video_id AND j.mode = 'embed'
                                          AND (j.state IN ('queued', 'running')
                                               OR (j.state = 'failed' AND j.updated_at >= c.updated_at)))
                        ORDER BY c.video_id LIMIT :limit""")
                .bind("model", model).bind("limit", limit).mapTo(String.class).list());
    }

    /** Every vector of one model, streamed (the whole library at start-up). */
    public void forEach(String model, BiConsumer<String, float[]> sink) {
        jdbi.useHandle(h -> h.createQuery("SELECT video_id, vector FROM report_embeddings WHERE model = :model")
                .bind("model", model).setFetchSize(2_000)
                .map((rs, ctx) -> Map.entry(rs.getString(1), floats(rs.getBytes(2))))
                .forEach(e -> sink.accept(e.getKey(), e.getValue())));
    }

    public Map<String, float[]> vectors(List<String> videoIds, String model) {
        Map<String, float[]> out = new HashMap<>();
        if (videoIds.isEmpty()) return out;
        jdbi.useHandle(h -> h.createQuery("SELECT video_id, vector FROM report_embeddings WHERE model = :model AND video_id = ANY(:ids)")
                .bind("model", model).bind("ids", videoIds.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString(1), floats(rs.getBytes(2))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** How many reports have a vector of this model, and how many reports there are. */
    public record Coverage(long embedded, long reports) {
    }

    public Coverage coverage(String model) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM report_embeddings WHERE model = :model), (SELECT count(*) FROM content)""")
                .bind("model", model).map((rs, ctx) -> new Coverage(rs.getLong(1), rs.getLong(2))).one());
    }

    static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }
}
