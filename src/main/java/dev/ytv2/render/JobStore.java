package dev.ytv2.render;

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

    /** Queues a render; a job already waiting for this item and mode takes the new prompt instead. */
    public Job enqueue(Handle h, String videoId, String mode, String prompt, String source, String template) {
        return h.createQuery("""
                        INSERT INTO image_jobs (video_id, mode, prompt, prompt_source, template)
                        VALUES (:videoId, :mode, :prompt, :source, :template)
                        ON CONFLICT (video_id, mode) WHERE state = 'queued' DO UPDATE SET
                            prompt = EXCLUDED.prompt, prompt_source = EXCLUDED.prompt_source, template = EXCLUDED.template,
                            attempts = 0, run_after = now(), updated_at = now()
                        RETURNING\s""" + Job.COLUMNS)
                .bind("videoId", videoId).bind("mode", mode).bind("prompt", prompt)
                .bind("source", source).bind("template", template)
                .map((rs, ctx) -> Job.map(rs)).one();
    }

    /**
     * Takes the oldest due job, skipping rows other workers hold and items that already have a
     * render running (so one item's renders finish in the order they were asked for).
     */
    public Optional<Job> claim(Handle h, String owner, Duration lease) {
        return h.createQuery("""
                        UPDATE image_jobs SET state = 'running', attempts = attempts + 1, lease_owner = :owner,
                            lease_until = now() + make_interval(secs => :lease), started_at = now(), updated_at = now()
                        WHERE id = (
                            SELECT q.id FROM image_jobs q
                            WHERE q.state = 'queued' AND q.run_after <= now()
                              AND NOT EXISTS (SELECT 1 FROM image_jobs r
                                              WHERE r.video_id = q.video_id AND r.mode = q.mode AND r.state = 'running')
                            ORDER BY q.run_after, q.id
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

    /** Running jobs whose lease ran out: their worker died or lost the database. */
    public List<Job> lockExpired(Handle h, int limit) {
        return h.createQuery("SELECT " + Job.COLUMNS + """
                         FROM image_jobs WHERE state = 'running' AND lease_until < now()
                        ORDER BY lease_until LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("limit", limit).map((rs, ctx) -> Job.map(rs)).list();
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

    /** Retry: a failed job starts over with a fresh set of attempts. */
    public Job restart(Handle h, long id) {
        return h.createQuery("""
                        UPDATE image_jobs SET state = 'queued', attempts = 0, run_after = now(), lease_owner = NULL,
                            lease_until = NULL, finished_at = NULL, updated_at = now()
                        WHERE id = :id
                        RETURNING\s""" + Job.COLUMNS)
                .bind("id", id).map((rs, ctx) -> Job.map(rs)).one();
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

    /** The jobs of one report (its stored video_id), newest first. */
    public List<Job> forReport(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Job.COLUMNS + """
                         FROM image_jobs WHERE video_id = :videoId ORDER BY id DESC LIMIT 50""")
                .bind("videoId", videoId).map((rs, ctx) -> Job.map(rs)).list());
    }

    public OffsetDateTime now(Handle h) {
        return h.createQuery("SELECT now()").mapTo(OffsetDateTime.class).one();
    }
}
