package dev.ytv2.db;

import dev.ytv2.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Time our migrations take on a YTV2 database (after its migrations 001-004, every hand-added
 * column) holding N upstream-shaped reports: a third with the document stored as a JSON string,
 * some with none, bare and prefixed ids, two summary revisions and a second variant each.
 * Run: mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.ytv2.db.UpstreamMigrationBench
 *      -Dexec.args="100000"
 */
public final class UpstreamMigrationBench {
    private UpstreamMigrationBench() {
    }

    /**
     * CPU time the database's processes used (Linux /proc, in clock ticks of 1/100 s): on a shared
     * machine the wall time mostly measures the other tenants; a migration runs on one backend, so
     * this is about what it takes on an idle core.
     */
    static double cpuSeconds(long postmaster) {
        double ticks = 0;
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var dir : (Iterable<java.nio.file.Path>) procs::iterator) {
                if (!dir.getFileName().toString().matches("[0-9]+")) continue;
                try {
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(dir.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // a process that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return ticks / 100.0;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String url = TestDatabase.newDatabase();
        Jdbi raw = Jdbi.create(TestDatabase.jdbcUrl(url), "postgres", "postgres");
        long loadStart = System.nanoTime();
        raw.useHandle(h -> {
            UpstreamSchema.create(h, UpstreamSchema.AFTER_004);
            h.createUpdate("""
                    INSERT INTO content (video_id, id, title, channel_name, canonical_url, published_at, indexed_at,
                        duration_seconds, subcategories_json, analysis_json, has_audio, language, content_source, media)
                    SELECT CASE WHEN i % 10 = 0 THEN 'bare' || i WHEN i % 7 = 0 THEN 'reddit:r' || i ELSE 'yt:v' || i END,
                           'id' || i, 'Report number ' || i || ' about ' || (ARRAY['ceph', 'sourdough', 'tides', 'lamps'])[i % 4 + 1],
                           'Channel ' || (i % 500), 'https://example.org/' || i,
                           now() - make_interval(days => i % 3000), now() - make_interval(mins => i), 60 + i % 3600,
                           jsonb_build_object((ARRAY['Technology', 'Cooking', 'History'])[i % 3 + 1], jsonb_build_array('Sub ' || (i % 9))),
                           CASE WHEN i % 3 = 0 THEN to_jsonb(jsonb_build_object('category', jsonb_build_array('History'),
                                    'content_type', 'Talk', 'summary_image_variants', jsonb_build_array(jsonb_build_object(
                                    'url', '/exports/images/r' || i || '.png', 'image_mode', 'ai1')))::text)
                                WHEN i % 3 = 1 THEN jsonb_build_object('category', jsonb_build_array('Technology'),
                                    'subcategory', 'Home Lab', 'content_type', 'Tutorial', 'language', 'en')
                                ELSE NULL END,
                           i % 5 = 0, CASE WHEN i % 2 = 0 THEN 'en' END, NULL,
                           CASE WHEN i % 5 = 0 THEN jsonb_build_object('audio_url', '/exports/audio/a' || i || '.mp3') END
                    FROM generate_series(1, :n) i""").bind("n", n).execute();
            h.execute("""
                    INSERT INTO content_summaries (video_id, variant, summary_type, text, html, revision, is_latest, created_at)
                    SELECT c.video_id, v.variant, v.variant,
                           'Revision ' || r || ' of a summary of ' || c.title || '. It explains the setup, the trade-offs and what to try next.',
                           '<p>' || c.title || '</p>', r, r = 2, c.indexed_at + make_interval(mins => r)
                    FROM content c, (VALUES ('comprehensive'), ('key-points')) v(variant), generate_series(1, 2) r""");
            h.execute("ANALYZE");
        });
        long postmaster = raw.withHandle(h -> h.createQuery("SELECT pg_backend_pid()").mapTo(Long.class).one());
        postmaster = ProcessHandle.of(postmaster).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        double cpuBefore = cpuSeconds(postmaster);
        long loaded = System.nanoTime();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestDatabase.jdbcUrl(url));
        ds.setUser("postgres");
        ds.setPassword("postgres");
        Database.migrate(ds);
        long migrated = System.nanoTime();
        double cpu = cpuSeconds(postmaster) - cpuBefore;
        int indexed = raw.withHandle(h -> h.createQuery("SELECT count(*) FROM report_index").mapTo(Integer.class).one());
        System.out.printf("loaded %,d reports in %.1f s; migrations took %.1f s (database CPU %.1f s; load average %.1f); %,d reports indexed%n",
                n, (loaded - loadStart) / 1e9, (migrated - loaded) / 1e9, cpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), indexed);
        raw.useHandle(h -> h.createQuery("SELECT version || ' ' || description || ': ' || execution_time || ' ms' FROM flyway_schema_history ORDER BY installed_rank")
                .mapTo(String.class).forEach(line -> System.out.println("  " + line)));
        System.exit(indexed == n ? 0 : 1);
    }
}
