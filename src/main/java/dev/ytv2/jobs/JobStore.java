package dev.ytv2.jobs;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The `image_jobs` table. Methods that take a {@link Handle} run inside the caller's transaction, so
 * that a job change and its event commit together.
 */
public final class JobStore {
    private final Jdbi jdbi;

    public JobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What to render and how urgently; `backends` null means the worker's configured ones. */
    public record Spec(String prompt, String source, String template, int priority, String backends) {
    }

    /**
     * Queues a render; a job already waiting for this item and mode takes the new prompt instead,
     * and keeps the higher of the two priorities (a person's wait never drops to the background).
     */
    public Job enqueue(Handle h, String videoId, String mode, Spec spec) {
        return h.createQuery("""
                        INSERT INTO image_jobs (video_id, mode, prompt, prompt_source, template, priority, backends)
                        VALUES (:videoId, :mode, :prompt, :source, :template, :priority, :backends)
                        ON CONFLICT (video_id, mode) WHERE state = 'queued' DO UPDATE SET
                            prompt = EXCLUDED.prompt, prompt_source = EXCLUDED.prompt_source, template = EXCLUDED.template,
                            backends = CASE WHEN EXCLUDED.priority >= image_jobs.priority THEN EXCLUDED.backends
                                            ELSE image_jobs.backends END,
                            priority = greatest(image_jobs.priority, EXCLUDED.priority),
                            attempts = 0, run_after = now(), updated_at = now()
                        RETURNING\s""" + Job.COLUMNS)
                .bind("videoId", videoId).bind("mode", mode).bind("prompt", spec.prompt())
                .bind("source", spec.source()).bind("template", spec.template())
                .bind("priority", spec.priority()).bind("backends", spec.backends())
                .map((rs, ctx) -> Job.map(rs)).one();
    }

    /**
     * Takes the due job of the highest priority, oldest first, skipping rows other workers hold and items that already have a
     * render running (so one item's renders finish in the order they were asked for).
     */
    public Optional<Job> claim(Handle h, String owner, Duration lease) {
        return h.createQuery("""
                        UPDATE image_jobs SET state = 'running', attempts = attempts + 1, lease_owner = :owner,
                            lease_until = now() + make_interval(secs => :lease), started_at = now(), updated_at = now()
                        WHERE id = (
                            SELECT q.id FROM image_jobs q
                            WHERE q.state = 'queued' AND q.run_after <= now() AND q.mode <> 'embed'
                              AND NOT EXISTS (SELECT 1 FROM image_jobs r
                                              WHERE r.video_id = q.video_id AND r.mode = q.mode AND r.state = 'running')
                            ORDER BY q.priority DESC, q.run_after, q.id
                            LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + Job.COLUMNS)
                .bind("owner", owner).bind("lease", lease.toMillis() / 1000.0)
                .map((rs, ctx) -> Job.map(rs)).findOne();
    }

    /** The heartbeat; false when the lease is no longer ours (it ran out and the job moved on). */
    public boolean extendLease(long id, String owner, Duration lease) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE image_jobs SET lease_until = now() + make_interval(secs => :lease)
                        WHERE id = :id AND state = 'running' AND lease_owner = :owner""")
                .bind("id", id).bind("owner", owner).bind("lease", lease.toMillis() / 1000.0).execute() == 1);
    }

    /** Locks the job if it is still running under this lease; empty when someone else owns it now. */
    public Optional<Job> lockIfLeased(Handle h, long id, String owner) {
        return h.createQuery("SELECT " + Job.COLUMNS + """
                         FROM image_jobs WHERE id = :id AND state = 'running' AND lease_owner = :owner FOR UPDATE""")
                .bind("id", id).bind("owner", owner).map((rs, ctx) -> Job.map(rs)).findOne();
    }

    /** Running renders whose lease ran out: their worker died or lost the database. */
    public List<Job> lockExpired(Handle h, int limit) {
        return lockExpired(h, limit, false);
    }

    /** The same for renders (`embeds` false) or for embedding jobs (true), each reaped by its own worker. */
    public List<Job> lockExpired(Handle h, int limit, boolean embeds) {
        return h.createQuery("SELECT " + Job.COLUMNS + """
                         FROM image_jobs WHERE state = 'running' AND lease_until < now() AND (mode = 'embed') = :embeds
                        ORDER BY lease_until LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("limit", limit).bind("embeds", embeds).map((rs, ctx) -> Job.map(rs)).list();
    }

    /**
     * Takes up to `limit` due jobs of one mode at once, oldest first, for a worker that handles them
     * in one batch; each gets the same lease and counts an attempt, as a single claim does.
     */
    public List<Job> claimBatch(Handle h, String mode, String owner, Duration lease, int limit) {
        return h.createQuery("""
                        UPDATE image_jobs SET state = 'running', attempts = attempts + 1, lease_owner = :owner,
                            lease_until = now() + make_interval(secs => :lease), started_at = now(), updated_at = now()
                        WHERE id IN (
                            SELECT q.id FROM image_jobs q
                            WHERE q.state = 'queued' AND q.mode = :mode AND q.run_after <= now()
                              AND NOT EXISTS (SELECT 1 FROM image_jobs r
                                              WHERE r.video_id = q.video_id AND r.mode = q.mode AND r.state = 'running')
                            ORDER BY q.priority DESC, q.run_after, q.id
                            LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + Job.COLUMNS)
                .bind("owner", owner).bind("mode", mode).bind("lease", lease.toMillis() / 1000.0).bind("limit", limit)
                .map((rs, ctx) -> Job.map(rs)).list();
    }

    /** Queues one job per item (the prompt saying what for); items with one already waiting keep theirs. */
    public int enqueueAll(Handle h, List<String> videoIds, String mode, String prompt, String source) {
        if (videoIds.isEmpty()) return 0;
        return h.createUpdate("""
                        INSERT INTO image_jobs (video_id, mode, prompt, prompt_source, priority)
                        SELECT v, :mode, :prompt, :source, :priority FROM unnest(:ids) AS v
                        ON CONFLICT (video_id, mode) WHERE state = 'queued' DO NOTHING""")
                .bind("ids", videoIds.toArray(String[]::new)).bind("mode", mode).bind("prompt", prompt)
                .bind("source", source).bind("priority", Job.BACKGROUND).execute();
    }

    /** How many jobs of one mode are in each state. */
    public java.util.Map<String, Long> countByState(String mode) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT state, count(*) FROM image_jobs WHERE mode = :mode GROUP BY state")
                .bind("mode", mode).map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    public Optional<Job> lock(Handle h, long id) {
        return h.createQuery("SELECT " + Job.COLUMNS + " FROM image_jobs WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, ctx) -> Job.map(rs)).findOne();
    }

    public void markDone(Handle h, long id) {
        h.createUpdate("""
                        UPDATE image_jobs SET state = 'done', lease_owner = NULL, lease_until = NULL,
                            finished_at = now(), updated_at = now()
                        WHERE id = :id""")
                .bind("id", id).execute();
    }

    public void markFailed(Handle h, long id, String error) {
        h.createUpdate("""
                        UPDATE image_jobs SET state = 'failed', last_error = :error, lease_owner = NULL, lease_until = NULL,
                            finished_at = now(), updated_at = now()
                        WHERE id = :id""")
                .bind("id", id).bind("error", error).execute();
    }

    /** Back to the queue, due at `runAfter`; `refund` takes back an attempt that never really ran. */
    public Job requeue(Handle h, long id, String error, Duration delay, boolean refund) {
        return h.createQuery("""
                        UPDATE image_jobs SET state = 'queued', last_error = coalesce(:error, last_error),
                            attempts = CASE WHEN :refund THEN greatest(attempts - 1, 0) ELSE attempts END,
                            run_after = now() + make_interval(secs => :delay), lease_owner = NULL, lease_until = NULL,
                            finished_at = NULL, updated_at = now()
                        WHERE id = :id
                        RETURNING\s""" + Job.COLUMNS)
                .bind("id", id).bind("error", error).bind("refund", refund).bind("delay", delay.toMillis() / 1000.0)
                .map((rs, ctx) -> Job.map(rs)).one();
    }

    /** Retry: a failed job starts over with a fresh set of attempts, as a person's request. */
    public Job restart(Handle h, long id) {
        return h.createQuery("""
                        UPDATE image_jobs SET state = 'queued', attempts = 0, run_after = now(), lease_owner = NULL,
                            priority = greatest(priority, :person), lease_until = NULL, finished_at = NULL, updated_at = now()
                        WHERE id = :id
                        RETURNING\s""" + Job.COLUMNS)
                .bind("id", id).bind("person", Job.PERSON).map((rs, ctx) -> Job.map(rs)).one();
    }

    /** Another job waits for the same item and mode (then this one may not go back to the queue). */
    public boolean hasQueuedSibling(Handle h, Job job) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM image_jobs WHERE video_id = :v AND mode = :m AND state = 'queued' AND id <> :id)")
                .bind("v", job.videoId()).bind("m", job.mode()).bind("id", job.id()).mapTo(Boolean.class).one();
    }

    public Optional<Job> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Job.COLUMNS + " FROM image_jobs WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> Job.map(rs)).findOne());
    }

    /**
     * When the oldest render still running was claimed: its worker may still store a file and
     * commit it (a late commit under a lost lease is refused, so only running ones count).
     */
    public Optional<java.time.Instant> oldestRunningRenderStart() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT min(started_at) FROM image_jobs WHERE state = 'running' AND mode <> 'embed'""")
                .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant));
    }

    /** The render jobs of one report (its stored video_id), newest first. */
    public List<Job> forReport(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Job.COLUMNS + """
                         FROM image_jobs WHERE video_id = :videoId AND mode <> 'embed' ORDER BY id DESC LIMIT 50""")
                .bind("videoId", videoId).map((rs, ctx) -> Job.map(rs)).list());
    }

    /**
     * Where a queued job stands: its place in the claim order (1 = next) and, once jobs of its
     * priority have finished, a rough time until it is done (place times their recent average).
     */
    public record Place(int position, Optional<Double> estimateSeconds) {
    }

    public Optional<Place> place(Job job) {
        if (!Job.QUEUED.equals(job.state())) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM image_jobs q
                                WHERE q.state = 'queued' AND q.mode <> 'embed'
                                  AND (q.priority > j.priority
                                       OR (q.priority = j.priority AND (q.run_after, q.id) < (j.run_after, j.id)))),
                               (SELECT avg(extract(epoch FROM d.finished_at - d.started_at))
                                FROM (SELECT started_at, finished_at FROM image_jobs
                                      WHERE state = 'done' AND priority = j.priority AND mode <> 'embed' AND started_at IS NOT NULL
                                      ORDER BY id DESC LIMIT 50) d)
                        FROM image_jobs j WHERE j.id = :id AND j.state = 'queued'""")
                .bind("id", job.id())
                .map((rs, ctx) -> {
                    int position = rs.getInt(1) + 1;
                    double avg = rs.getDouble(2);
                    return new Place(position, rs.wasNull() ? Optional.<Double>empty() : Optional.of(position * avg));
                }).findOne());
    }

    public OffsetDateTime now(Handle h) {
        return h.createQuery("SELECT now()").mapTo(OffsetDateTime.class).one();
    }
}
