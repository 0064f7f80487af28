package dev.ytv2.render;

import dev.ytv2.images.ImageMode;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/**
 * Finds pending work (README, Render worker): items whose trimmed prompt is set and differs from the trimmed
 * `*_last_used`, with no job queued or running for them, and not already failed for good on that
 * very prompt (only an explicit request or Retry renders that again). Also returns the jobs of
 * vanished workers to the queue.
 */
public final class PendingSweep {
    private final Jdbi jdbi;
    private final JobStore jobs;
    private final RenderRequests requests;
    private final JobFailures failures;

    PendingSweep(Jdbi jdbi, JobStore jobs, RenderRequests requests, JobFailures failures) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.requests = requests;
        this.failures = failures;
    }

    /** The first two conditions repeat the partial indexes of V5 word for word, so the planner uses them. */
    static String pendingSql(ImageMode m, boolean oneItem) {
        return """
                SELECT c.video_id, btrim(c.analysis_json ->> '%1$s') FROM content c
                WHERE btrim(coalesce(c.analysis_json ->> '%1$s', '')) <> ''
                  AND btrim(coalesce(c.analysis_json ->> '%1$s', '')) <> btrim(coalesce(c.analysis_json ->> '%2$s', ''))
                  AND NOT EXISTS (
                      SELECT 1 FROM (SELECT j.state, j.prompt FROM image_jobs j
                                     WHERE j.video_id = c.video_id AND j.mode = '%3$s' ORDER BY j.id DESC LIMIT 1) last
                      WHERE last.state IN ('queued', 'running')
                         OR (last.state = 'failed' AND btrim(last.prompt) = btrim(c.analysis_json ->> '%1$s')))
                  %4$s
                LIMIT :limit""".formatted(m.promptKey(), m.lastUsedKey(), m.wire(), oneItem ? "AND c.video_id = :videoId" : "");
    }

    /** Queues a job for each pending prompt (at most `limit` per mode); returns how many were queued. */
    public int sweep(int limit) {
        int queued = 0;
        for (ImageMode m : ImageMode.values()) {
            List<String> ids = jdbi.withHandle(h -> h.createQuery(pendingSql(m, false)).bind("limit", limit)
                    .map((rs, ctx) -> rs.getString(1)).list());
            for (String id : ids) queued += enqueueIfPending(id, m) ? 1 : 0;
        }
        return queued;
    }

    /** The same for one item: after a NOTIFY, and after each render (its prompt may have changed meanwhile). */
    public int sweepItem(String videoId) {
        return jdbi.inTransaction(h -> {
            if (!lock(h, videoId)) return 0;
            int queued = 0;
            for (ImageMode m : ImageMode.values()) queued += enqueueIfPending(h, videoId, m) ? 1 : 0;
            return queued;
        });
    }

    private boolean enqueueIfPending(String videoId, ImageMode m) {
        return jdbi.inTransaction(h -> lock(h, videoId) && enqueueIfPending(h, videoId, m));
    }

    /** The item's row lock, so that two sweepers (or a sweeper and a worker) never both queue it. */
    private static boolean lock(Handle h, String videoId) {
        return h.createQuery("SELECT true FROM content WHERE video_id = :videoId FOR UPDATE")
                .bind("videoId", videoId).mapTo(Boolean.class).findOne().isPresent();
    }

    private boolean enqueueIfPending(Handle h, String videoId, ImageMode m) {
        Optional<String> prompt = h.createQuery(pendingSql(m, true)).bind("videoId", videoId).bind("limit", 1)
                .map((rs, ctx) -> rs.getString(2)).findOne();
        prompt.ifPresent(p -> requests.request(h, videoId, m,
                new JobStore.Spec(p, "stored", null, Job.BACKGROUND, null)));
        return prompt.isPresent();
    }

    /** Jobs whose worker stopped renewing its lease count a failed attempt and go back to the queue. */
    public int reapExpired() {
        return jdbi.inTransaction(h -> {
            List<Job> expired = jobs.lockExpired(h, 100);
            for (Job job : expired) {
                failures.record(h, job, "the worker rendering it stopped answering (lease " + job.leaseOwner() + " expired)");
            }
            return expired.size();
        });
    }
}
