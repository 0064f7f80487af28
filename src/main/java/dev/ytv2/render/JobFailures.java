package dev.ytv2.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.events.EventLog;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.render.backend.RenderConfig;
import org.jdbi.v3.core.Handle;

import java.time.Duration;

/**
 * What happens to a job whose attempt failed (its render threw, or its worker vanished): back to
 * the queue after an exponentially growing pause, or `failed` for good after the last attempt,
 * keeping the error either way. The old Python queue retried forever; this one stops.
 */
final class JobFailures {
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JobStore jobs;
    private final EventLog events;
    private final ObjectMapper mapper;
    private final RenderConfig config;

    JobFailures(JobStore jobs, EventLog events, ObjectMapper mapper, RenderConfig config) {
        this.jobs = jobs;
        this.events = events;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * The job must be locked by the caller's transaction. The job keeps the whole error; the event,
     * which every reader of the stream receives, carries only its public form.
     */
    void record(Handle h, Job job, String error) {
        String message = error.length() > 2000 ? error.substring(0, 2000) + "…" : error;
        // A newer prompt already waits for this image: it replaces this render instead of queueing behind it.
        boolean superseded = jobs.hasQueuedSibling(h, job);
        ObjectNode payload = mapper.createObjectNode().put("video_id", job.videoId()).put("mode", job.mode())
                .put("job_id", job.id()).put("error", PublicError.of(message));
        if (job.attempts() >= config.maxAttempts() || superseded) {
            jobs.markFailed(h, job.id(), message);
            payload.put("final", true).putNull("retry_at");
        } else {
            Job requeued = jobs.requeue(h, job.id(), message, backoff(job.attempts()), false);
            payload.put("final", false).put("retry_at", requeued.runAfter().toInstant().toString());
        }
        events.append(h, "image-job-failed", payload);
    }

    /** backoff, 2x backoff, 4x backoff, ... after attempts 1, 2, 3, ... */
    Duration backoff(int attempts) {
        Duration d = config.backoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
