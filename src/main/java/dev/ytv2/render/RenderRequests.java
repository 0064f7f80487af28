package dev.ytv2.render;

import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.images.ImageMode;
import dev.ytv2.images.PromptRenders;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * How the rest of the product asks for renders: an explicit request (set-image-prompt; renders even
 * a prompt equal to the last one rendered) and Retry of a failed job. Both queue a job, raise
 * `image-job-queued` and wake every worker through NOTIFY, all in the caller's transaction.
 */
public final class RenderRequests implements PromptRenders {
    /** NOTIFY channel the workers listen on; the payload is the report's video_id. */
    public static final String CHANNEL = "ytv2_render";

    private final Jdbi jdbi;
    private final JobStore jobs;
    private final EventLog events;

    public RenderRequests(Jdbi jdbi, JobStore jobs, EventLog events) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.events = events;
    }

    /** For the set-image-prompt endpoint, inside its transaction, after the prompt is written: a person waits. */
    @Override
    public void requested(Handle h, String videoId, ImageMode mode, String prompt) {
        request(h, videoId, mode, prompt);
    }

    public Job request(Handle h, String videoId, ImageMode mode, String prompt) {
        return request(h, videoId, mode, new JobStore.Spec(prompt, "user", null, Job.PERSON, null));
    }

    public Job request(Handle h, String videoId, ImageMode mode, JobStore.Spec spec) {
        if (spec.prompt() == null || spec.prompt().isBlank()) throw new IllegalArgumentException("a render needs a prompt");
        Job job = jobs.enqueue(h, videoId, mode.wire(), new JobStore.Spec(spec.prompt().strip(), spec.source(), spec.template(),
                spec.priority(), spec.backends()));
        queued(h, job);
        return job;
    }

    /** The outcome of Retry: restarted, or why not. */
    public sealed interface RetryOutcome {
        record Restarted(Job job) implements RetryOutcome { }
        record NotFound() implements RetryOutcome { }
        record Refused(Job job, String reason) implements RetryOutcome { }
    }

    public RetryOutcome retry(long jobId) {
        return jdbi.inTransaction(h -> {
            Optional<Job> found = jobs.lock(h, jobId);
            if (found.isEmpty()) return new RetryOutcome.NotFound();
            Job job = found.get();
            if (!Job.FAILED.equals(job.state())) {
                return new RetryOutcome.Refused(job, "Job " + jobId + " is " + job.state() + "; only a failed job can be retried.");
            }
            if (jobs.hasQueuedSibling(h, job)) {
                return new RetryOutcome.Refused(job, "A newer render of this image is already queued.");
            }
            Job restarted = jobs.restart(h, jobId);
            queued(h, restarted);
            return new RetryOutcome.Restarted(restarted);
        });
    }

    void queued(Handle h, Job job) {
        events.append(h, new Event.JobQueued(job.videoId(), job.mode(), job.id()));
        wake(h, job.videoId());
    }

    /** Delivered on commit, so a worker never looks before the prompt and job are visible. */
    public static void wake(Handle h, String videoId) {
        h.execute("SELECT pg_notify(?, ?)", CHANNEL, videoId);
    }
}
