package dev.ytv2.semantic;

import dev.ytv2.db.Database;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.SharedEmbeddings;
import dev.ytv2.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DbTest
class BuiltinEmbeddingsTest {

    @Test
    void theSameTextGivesTheSameUnitVector() throws Exception {
        BuiltinEmbeddings model = SharedEmbeddings.builtin();
        List<float[]> a = model.embed(List.of("How to bake sourdough bread", "Ownership in Rust"));
        List<float[]> b = model.embed(List.of("How to bake sourdough bread"));
        assertThat(a.get(0)).hasSize(384).containsExactly(b.get(0));
        double norm = 0;
        for (float x : a.get(0)) norm += x * x;
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(a.get(0)).isNotEqualTo(a.get(1));
    }

    @Test
    void theEmbeddedTextAndItsHashFollowTheExistingLayout() {
        EmbeddingText t = EmbeddingText.of("yt:x", "Title A", "Chan", "youtube", "Line one.\nLine two.");
        assertThat(t.text()).isEqualTo("Title: Title A\n\nChannel: Chan\n\nSource: youtube\n\nSummary:\nLine one.\nLine two.");
        assertThat(t.sha256()).hasSize(64).isEqualTo(EmbeddingText.sha256(t.text()));
        assertThat(EmbeddingText.of("yt:x", "Title A", "Chan", "youtube", "Line one.").sha256()).isNotEqualTo(t.sha256());
    }

    @Test
    void thePgvectorPathRunsOnlyWhereTheExtensionIsInstalled() throws Exception {
        try (Database db = Database.open(Optional.of(TestDatabase.newDatabase()), Files.createTempDirectory("ytv2-pgv-"), 2)) {
            pgvector(db.jdbi());
        }
    }

    private static void pgvector(Jdbi jdbi) {
        boolean available = PgVector.available(jdbi);
        assertThat(PgVector.detect(jdbi)).get().asString().startsWith(available ? "pgvector: available" : "pgvector: not installed");
        // A PostgreSQL without pgvector is a supported setup (the in-process index serves it, and the
        // embedded one has none), so there this is a skip, not a failure; the detection above still ran.
        assumeTrue(available, "pgvector is not installed in the test PostgreSQL (the embedded one has no extensions); skipped");
        jdbi.useHandle(h -> h.execute("CREATE EXTENSION IF NOT EXISTS vector"));
        double distance = jdbi.withHandle(h -> h.createQuery("SELECT '[1,0]'::vector <=> '[0,1]'::vector").mapTo(Double.class).one());
        assertThat(distance).isEqualTo(1.0);
        EmbeddingStore store = new EmbeddingStore(jdbi);
        jdbi.useHandle(h -> h.execute("INSERT INTO content (video_id, id, title) VALUES ('yt:pgv000000001', 'yt:pgv000000001', 'a'), "
                + "('yt:pgv000000002', 'yt:pgv000000002', 'b')"));
        jdbi.useHandle(h -> store.put(h, "yt:pgv000000001", "m", new float[]{1, 0, 0}, "h1", null));
        PgVectorIndex index = PgVectorIndex.install(store, "m", 3).orElseThrow();
        jdbi.useHandle(h -> store.put(h, "yt:pgv000000002", "m", new float[]{0, 1, 0}, "h2", null));
        assertThat(index.nearest(new float[]{0.9f, 0.1f, 0}, 2, id -> true)).extracting(VectorIndex.Hit::videoId)
                .containsExactly("yt:pgv000000001", "yt:pgv000000002");
    }
}
