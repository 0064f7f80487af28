package dev.ytv2.semantic;

import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * Whether the database offers pgvector. The embedded PostgreSQL does not, and then the in-process
 * index serves every query; with it, {@link PgVectorIndex} does. The start-up log says which applies.
 */
public final class PgVector {
    private PgVector() {
    }

    public static boolean available(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')")
                .mapTo(Boolean.class).one());
    }

    /** An existing installation's vectors (`content.embedding`, from its migration 005). */
    public static boolean hasContentEmbeddings(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM information_schema.columns
                                       WHERE table_name = 'content' AND column_name = 'embedding')""")
                .mapTo(Boolean.class).one());
    }

    /** The start-up note, or empty when the database cannot be asked. */
    public static Optional<String> detect(Jdbi jdbi) {
        try {
            if (!available(jdbi)) {
                return Optional.of("pgvector: not installed in this PostgreSQL; semantic search uses the in-process index");
            }
            return Optional.of("pgvector: available" + (hasContentEmbeddings(jdbi)
                    ? "; existing content.embedding vectors are taken over for unchanged reports when text-embedding-3-large is configured" : ""));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
