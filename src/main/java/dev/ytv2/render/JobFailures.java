package dev.ytv2.render;

import dev.ytv2.events.Event;
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
    private final RenderConfig config;

    JobFailures(JobStore jobs, EventLog events, RenderConfig config) {
        this.jobs = jobs;
        this.events = events;
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
        boolean last = job.attempts() >= config.maxAttempts() || superseded;
        String retryAt = null;
        if (last) {
            jobs.markFailed(h, job.id(), message);
        } else {
            Job requeued = jobs.requeue(h, job.id(), message, backoff(job.attempts()), false);
            retryAt = requeued.runAfter().toInstant().toString();
        }
        events.append(h, new Event.JobFailed(job.videoId(), job.mode(), job.id(), PublicError.of(message), last, retryAt));
    }

    /** backoff, 2x backoff, 4x backoff, ... after attempts 1, 2, 3, ... */
    Duration backoff(int attempts) {
        Duration d = config.backoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
