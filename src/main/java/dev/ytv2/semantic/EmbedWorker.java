package dev.ytv2.semantic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Embeds reports as jobs of the image queue (mode `embed`): a sweep queues a job for each report
 * whose vector is missing or older than the report, and one thread claims them in batches, embeds
 * the texts that really changed in one provider call, and stores the vectors, marks the jobs done
 * and raises `embeddings-updated` in one transaction. A failed batch goes back to the queue with a
 * growing pause, and fails for good after YTV2_EMBED_MAX_ATTEMPTS.
 */
public final class EmbedWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbedWorker.class);
    private static final int SWEEP_LIMIT = 5_000;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final String REUSABLE_MODEL = "openai:text-embedding-3-large@3072";

    public record Deps(Jdbi jdbi, JobStore jobs, EmbeddingStore store, EventLog events, ObjectMapper mapper) {
    }

    private final String name;
    private final Deps d;
    private final EmbeddingProvider provider;
    private final SemanticConfig config;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean stopped;
    private Thread thread;

    public EmbedWorker(String name, Deps deps, EmbeddingProvider provider, SemanticConfig config) {
        this.name = name;
        this.d = deps;
        this.provider = provider;
        this.config = config;
    }

    public EmbedWorker start() {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void loop() {
        long nextSweep = 0;
        while (!stopped) {
            try {
                if (System.nanoTime() >= nextSweep) {
                    sweep();
                    nextSweep = System.nanoTime() + config.sweepEvery().toNanos();
                }
                if (runBatch() == 0) wake.tryAcquire(config.sweepEvery().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopped) return;
                LOG.warn("{}: {}; trying again shortly", name, e.toString());
                try {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Queues jobs for reports that need a vector and takes back jobs of vanished workers; returns how many were queued. */
    public int sweep() {
        return sweep("auto");
    }

    public int sweep(String source) {
        int queued = 0;
        while (true) {
            List<String> stale = d.store().stale(provider.model(), SWEEP_LIMIT);
            int added = stale.isEmpty() ? 0 : d.jdbi().inTransaction(h -> d.jobs().enqueueAll(h, stale, Job.EMBED, provider.model(), source));
            queued += added;
            if (stale.size() < SWEEP_LIMIT || added == 0) break;
        }
        reapExpired();
        return queued;
    }

    private void reapExpired() {
        d.jdbi().useTransaction(h -> {
            for (Job job : d.jobs().lockExpired(h, 500, true)) {
                retryOrFail(h, job, "the worker embedding it stopped answering (lease " + job.leaseOwner() + " expired)");
            }
        });
    }

    /** Claims and finishes one batch; returns how many jobs it held (0: nothing due). */
    public int runBatch() {
        String owner = name + "/" + UUID.randomUUID();
        List<Job> claimed = d.jdbi().inTransaction(h -> d.jobs().claimBatch(h, Job.EMBED, owner, config.lease(), provider.batchSize()));
        if (claimed.isEmpty()) return 0;
        List<String> ids = claimed.stream().map(Job::videoId).toList();
        try {
            Map<String, EmbeddingStore.Source> sources = d.jdbi().withHandle(h -> d.store().sources(h, ids)).stream()
                    .collect(Collectors.toMap(s -> s.text().videoId(), Function.identity()));
            Map<String, String> hashes = d.jdbi().withHandle(h -> d.store().hashes(h, ids, provider.model()));
            List<EmbeddingStore.Source> changed = sources.values().stream()
                    .filter(s -> !s.text().sha256().equals(hashes.get(s.text().videoId()))).toList();
            Map<String, float[]> vectors = new HashMap<>(reusable(changed));
            List<EmbeddingStore.Source> toEmbed = changed.stream().filter(s -> !vectors.containsKey(s.text().videoId())).toList();
            List<float[]> computed = toEmbed.isEmpty() ? List.of() : provider.embed(toEmbed.stream().map(s -> s.text().text()).toList());
            if (computed.size() != toEmbed.size()) {
                throw new EmbeddingException("the provider answered " + computed.size() + " vectors for " + toEmbed.size() + " texts");
            }
            for (int i = 0; i < toEmbed.size(); i++) vectors.put(toEmbed.get(i).text().videoId(), computed.get(i));
            commit(claimed, owner, sources, changed, vectors);
        } catch (EmbeddingException e) {
            LOG.warn("{}: a batch of {} failed: {}", name, claimed.size(), e.getMessage());
            d.jdbi().useTransaction(h -> {
                for (Job job : claimed) d.jobs().lockIfLeased(h, job.id(), owner).ifPresent(j -> retryOrFail(h, j, e.getMessage()));
            });
        }
        return claimed.size();
    }

    /**
     * An existing installation already holds `text-embedding-3-large` vectors of unchanged texts;
     * with that model configured they are taken over instead of paid for again.
     */
    private Map<String, float[]> reusable(List<EmbeddingStore.Source> changed) {
        if (!REUSABLE_MODEL.equals(provider.model()) || changed.isEmpty()) return Map.of();
        Map<String, String> hashes = new HashMap<>();
        changed.forEach(s -> hashes.put(s.text().videoId(), s.text().sha256()));
        Map<String, float[]> found = d.jdbi().withHandle(h -> d.store().existing(h, hashes));
        found.replaceAll((id, v) -> EmbeddingProvider.normalised(v));
        found.values().removeIf(v -> v.length != provider.dimensions());
        return found;
    }

    private void commit(List<Job> claimed, String owner, Map<String, EmbeddingStore.Source> sources,
                        List<EmbeddingStore.Source> changed, Map<String, float[]> vectors) {
        d.jdbi().useTransaction(h -> {
            List<String> updated = new ArrayList<>();
            for (EmbeddingStore.Source s : changed) {
                // A job that lost its lease meanwhile is someone else's now; its vector is theirs to store.
                if (claimed.stream().noneMatch(j -> j.videoId().equals(s.text().videoId()))) continue;
                d.store().put(h, s.text().videoId(), provider.model(), vectors.get(s.text().videoId()), s.text().sha256(), s.updatedAt());
                updated.add(s.text().videoId());
            }
            for (Job job : claimed) {
                if (d.jobs().lockIfLeased(h, job.id(), owner).isEmpty()) continue;
                EmbeddingStore.Source s = sources.get(job.videoId());
                if (s != null && !updated.contains(job.videoId())) d.store().checked(h, job.videoId(), provider.model(), s.updatedAt());
                d.jobs().markDone(h, job.id());
            }
            if (!updated.isEmpty()) {
                d.events().append(h, new Event.EmbeddingsUpdated(provider.model(), updated));
            }
        });
    }

    private void retryOrFail(org.jdbi.v3.core.Handle h, Job job, String error) {
        String message = error.length() > 2000 ? error.substring(0, 2000) + "…" : error;
        boolean last = job.attempts() >= config.maxAttempts();
        if (last) d.jobs().markFailed(h, job.id(), message);
        else d.jobs().requeue(h, job.id(), message, backoff(job.attempts()), false);
        d.events().append(h, new Event.EmbedJobFailed(job.videoId(), job.id(), message, last));
    }

    private Duration backoff(int attempts) {
        Duration b = config.backoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return b.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : b;
    }

    /** Something changed: sweep and run now rather than at the next tick. */
    public void ring() {
        wake.release();
    }

    @Override
    public void close() {
        stopped = true;
        wake.release();
        if (thread == null) return;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
