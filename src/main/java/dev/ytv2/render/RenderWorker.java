package dev.ytv2.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.db.DatabaseUrl;
import dev.ytv2.db.PgListener;
import dev.ytv2.events.EventLog;
import dev.ytv2.files.FileStore;
import dev.ytv2.images.ImageDocument;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.render.backend.Backends;
import dev.ytv2.render.backend.RenderConfig;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The render worker: YTV2_RENDER_CONCURRENCY threads that claim and run jobs, woken at once by a
 * NOTIFY on the render channel, plus a sweep every few seconds that finds pending prompts nobody
 * announced and returns the jobs of vanished workers to the queue. Closing it stops claiming,
 * lets running renders finish for a moment, then interrupts them (their jobs go back to the queue).
 */
public final class RenderWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RenderWorker.class);
    private static final int SWEEP_LIMIT = 500;
    private static final long GRACE_MILLIS = 2000;
    static final String LISTENER_NAME = "ytv2-render-listener";

    private final String name;
    private final JobRunner runner;
    private final PendingSweep sweep;
    private final PgListener listener;
    private final RenderConfig config;
    private final Doorbell doorbell = new Doorbell();
    private final ScheduledExecutorService scheduler;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    /** What a worker needs from the rest of the product; built once in app.Wiring. */
    public record Deps(Jdbi jdbi, DatabaseUrl url, JobStore jobs, RenderRequests requests, FileStore files,
                       EventLog events, ImageDocument images, ObjectMapper mapper) {
    }

    public static RenderWorker create(String name, Deps d, Backends backends, RenderConfig config) {
        JobFailures failures = new JobFailures(d.jobs(), d.events(), config);
        RenderCommit commit = new RenderCommit(d.jdbi(), d.jobs(), d.files(), d.events(), d.images(), d.mapper(), Clock.systemUTC());
        JobBackends perJob = new JobBackends(backends, names -> Backends.fromConfig(names, config, d.mapper()));
        JobRunner runner = new JobRunner(d.jdbi(), d.jobs(), perJob, commit, failures, d.events(), config);
        return new RenderWorker(name, runner, new PendingSweep(d.jdbi(), d.jobs(), d.requests(), failures), d.url(), config);
    }

    RenderWorker(String name, JobRunner runner, PendingSweep sweep, DatabaseUrl listenUrl, RenderConfig config) {
        this.name = name;
        this.runner = runner;
        this.sweep = sweep;
        this.config = config;
        this.listener = new PgListener(listenUrl, LISTENER_NAME, List.of(RenderRequests.CHANNEL), new PgListener.Handler() {
            // Work announced while no connection listened is found by a sweep instead.
            @Override
            public void connected() {
                sweepNow();
            }

            @Override
            public void notified(List<PgListener.Notification> batch) {
                batch.forEach(n -> RenderWorker.this.notified(n.payload()));
            }
        });
        this.scheduler = Executors.newScheduledThreadPool(1, r -> daemon(r, name + "-timer"));
    }

    public RenderWorker start() {
        listener.start();
        for (int i = 1; i <= config.concurrency(); i++) {
            String threadName = name + "-" + i;
            threads.add(daemon(() -> loop(threadName), threadName));
        }
        threads.forEach(Thread::start);
        long every = config.sweepEvery().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepNow, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void loop(String threadName) {
        long idle = Math.max(50, Math.min(1000, config.backoff().toMillis() / 2));
        while (!stopped) {
            try {
                Optional<JobRunner.Claimed> claimed = runner.claim(threadName);
                if (claimed.isEmpty()) {
                    doorbell.await(idle);
                    continue;
                }
                runner.run(claimed.get(), scheduler);
                if (Thread.currentThread().isInterrupted()) return;
                // The prompt may have changed during the render: then it is pending again, and renders next.
                sweep.sweepItem(claimed.get().job().videoId());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopped) return;
                LOG.warn("{}: {}; trying again in 1 s", threadName, e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void notified(String videoId) {
        doorbell.ring();
        try {
            if (videoId != null && !videoId.isBlank() && sweep.sweepItem(videoId) > 0) doorbell.ring();
        } catch (RuntimeException e) {
            LOG.warn("render sweep of {} failed: {}", videoId, e.toString());
        }
    }

    private void sweepNow() {
        if (stopped) return;
        try {
            int reaped = sweep.reapExpired();
            int queued = sweep.sweep(SWEEP_LIMIT);
            if (reaped + queued > 0) doorbell.ring();
        } catch (RuntimeException e) {
            LOG.warn("render sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        stopped = true;
        listener.close();
        doorbell.ring();
        join(GRACE_MILLIS);
        threads.forEach(Thread::interrupt);
        join(5000);
        scheduler.shutdownNow();
    }

    private void join(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
