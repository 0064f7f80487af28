package dev.ytv2.render;

import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.render.backend.BackendException;
import dev.ytv2.render.backend.ImageRequest;
import dev.ytv2.render.backend.RenderConfig;
import dev.ytv2.render.backend.RenderedImage;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One job from claim to outcome: start event, render with a heartbeat on its lease, commit or failure. */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final Jdbi jdbi;
    private final JobStore jobs;
    private final JobBackends backends;
    private final RenderCommit commit;
    private final JobFailures failures;
    private final EventLog events;
    private final RenderConfig config;

    JobRunner(Jdbi jdbi, JobStore jobs, JobBackends backends, RenderCommit commit, JobFailures failures, EventLog events,
              RenderConfig config) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.backends = backends;
        this.commit = commit;
        this.failures = failures;
        this.events = events;
        this.config = config;
    }

    /** Claims the next due job under a fresh lease and raises `image-job-started`, in one transaction. */
    Optional<Claimed> claim(String worker) {
        String owner = worker + "/" + UUID.randomUUID();
        return jdbi.inTransaction(h -> jobs.claim(h, owner, config.lease()).map(job -> {
            events.append(h, new Event.JobStarted(job.videoId(), job.mode(), job.id(), job.attempts()));
            return new Claimed(job, owner);
        }));
    }

    record Claimed(Job job, String owner) {
    }

    /** Renders and records the outcome. Interrupted (shutdown): the job goes back to the queue at once. */
    void run(Claimed c, ScheduledExecutorService scheduler) {
        Job job = c.job();
        long beat = Math.max(50, config.lease().toMillis() / 3);
        ScheduledFuture<?> heartbeat = scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (!jobs.extendLease(job.id(), c.owner(), config.lease())) LOG.warn("job {}: lease lost during the render", job.id());
            } catch (RuntimeException e) {
                LOG.warn("job {}: heartbeat failed: {}", job.id(), e.toString());
            }
        }, beat, beat, TimeUnit.MILLISECONDS);
        try {
            ImageRequest request = new ImageRequest(job.prompt(), config.negativePrompt(),
                    ThreadLocalRandom.current().nextLong(1L << 32), config.width(), config.height(), config.steps());
            long began = System.nanoTime();
            RenderedImage image = backends.forJob(job).render(request);
            pace(job, image, began);
            heartbeat.cancel(false);
            if (commit.commit(job, c.owner(), image).isEmpty()) {
                LOG.warn("job {}: finished after its lease moved on; result dropped", job.id());
            }
        } catch (BackendException e) {
            heartbeat.cancel(false);
            fail(c, e.getMessage());
        } catch (InterruptedException e) {
            heartbeat.cancel(false);
            release(c);
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            heartbeat.cancel(false);
            fail(c, e.getMessage());
        } catch (RuntimeException e) {
            heartbeat.cancel(false);
            LOG.error("job {}: unexpected error", job.id(), e);
            fail(c, "internal error: " + e);
        }
    }

    /**
     * The builtin renderer draws in a fraction of a second, too fast for anyone to see a render
     * happen; with YTV2_BUILTIN_PACE_SECONDS, what a person asked for takes as long as on a GPU.
     * Background work is not paced, so a demo library still fills in quickly.
     */
    private void pace(Job job, RenderedImage image, long began) throws InterruptedException {
        if (job.priority() < Job.PERSON || !"builtin".equals(image.backend())) return;
        long left = config.builtinPace().toNanos() - (System.nanoTime() - began);
        if (left > 0) TimeUnit.NANOSECONDS.sleep(left);
    }

    private void fail(Claimed c, String error) {
        jdbi.useTransaction(h -> jobs.lockIfLeased(h, c.job().id(), c.owner()).ifPresent(job -> failures.record(h, job, error)));
    }

    /** Shutdown mid-render: the attempt did not really happen, so it is not counted. */
    private void release(Claimed c) {
        jdbi.useTransaction(h -> jobs.lockIfLeased(h, c.job().id(), c.owner()).ifPresent(job -> {
            if (jobs.hasQueuedSibling(h, job)) {
                failures.record(h, job, "stopped by a worker shutdown; a newer render is queued");
            } else {
                Job again = jobs.requeue(h, job.id(), null, Duration.ZERO, true);
                events.append(h, new Event.JobQueued(again.videoId(), again.mode(), again.id()));
                RenderRequests.wake(h, again.videoId());
            }
        }));
    }
}
