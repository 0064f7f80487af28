package dev.ytv2.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim order on real PostgreSQL: what a person asked for goes ahead of background renders,
 * each class first in, first out; and the place a queued job reports matches that order.
 */
@DbTest
class JobPriorityTest {
    RenderKit kit;

    @BeforeEach
    void start() {
        kit = new RenderKit(TestServer.start());
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    Job background(String videoId, String mode) {
        return kit.background(videoId, mode, "auto prompt for " + videoId);
    }

    Optional<Job> claim() {
        return kit.jdbi.inTransaction(h -> kit.s.jobs().claim(h, "test/" + System.nanoTime(), Duration.ofMinutes(1)));
    }

    void finish(Job job) {
        kit.jdbi.useTransaction(h -> kit.s.jobs().markDone(h, job.id()));
    }

    List<String> items(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(kit.item(String.format("yt:prio%06d", i), "Item " + i, "Technology"));
        return ids;
    }

    @Test
    void aPersonsRenderIsClaimedBeforeEveryBackgroundRenderQueuedEarlier() {
        List<String> ids = items(6);
        List<Job> auto = new ArrayList<>();
        for (int i = 0; i < 4; i++) auto.add(background(ids.get(i), "ai1"));
        Job mine = kit.request(ids.get(4), "ai2", "a lighthouse in fog at dawn, watercolor");
        Job later = kit.request(ids.get(5), "ai1", "a second person's prompt");

        List<Long> order = new ArrayList<>();
        for (Optional<Job> next = claim(); next.isPresent(); next = claim()) {
            order.add(next.get().id());
            finish(next.get());
        }
        // Persons first, in the order they asked; then the background, oldest first.
        assertThat(order).containsExactly(mine.id(), later.id(), auto.get(0).id(), auto.get(1).id(), auto.get(2).id(),
                auto.get(3).id());
        assertThat(mine.priority()).isEqualTo(Job.PERSON);
        assertThat(auto.get(0).priority()).isEqualTo(Job.BACKGROUND);
    }

    @Test
    void aPersonReplacingAWaitingBackgroundRenderTakesItsPlaceAheadAndTheBackgroundCannotPushItBack() {
        List<String> ids = items(3);
        background(ids.get(0), "ai1");
        Job replaced = background(ids.get(1), "ai1");
        Job mine = kit.request(ids.get(1), "ai1", "my own prompt");
        assertThat(mine.id()).isEqualTo(replaced.id());
        assertThat(mine.priority()).isEqualTo(Job.PERSON);
        assertThat(mine.prompt()).isEqualTo("my own prompt");

        // A later background request for the same image (a re-ingest) keeps the person's priority.
        Job after = background(ids.get(1), "ai1");
        assertThat(after.id()).isEqualTo(mine.id());
        assertThat(after.priority()).isEqualTo(Job.PERSON);
        assertThat(claim()).get().extracting(Job::id).isEqualTo(mine.id());
    }

    @Test
    void aRetriedJobIsAPersonsRequest() {
        List<String> ids = items(2);
        String id = ids.get(0);
        background(ids.get(1), "ai1");
        Job failed = background(id, "ai2");
        kit.jdbi.useTransaction(h -> kit.s.jobs().markFailed(h, failed.id(), "scripted failure"));
        RenderRequests.RetryOutcome outcome = kit.s.renderRequests().retry(failed.id());
        assertThat(outcome).isInstanceOf(RenderRequests.RetryOutcome.Restarted.class);
        assertThat(claim()).get().extracting(Job::id).isEqualTo(failed.id());
    }

    @Test
    void theQueuedPlaceCountsOnlyTheJobsThatWillBeClaimedFirstAndTheEstimateUsesFinishedRendersOfItsKind() {
        List<String> ids = items(5);
        for (int i = 0; i < 3; i++) background(ids.get(i), "ai1");
        Job first = kit.request(ids.get(3), "ai1", "first person");
        Job second = kit.request(ids.get(4), "ai1", "second person");

        assertThat(kit.s.jobs().place(first)).get().extracting(JobStore.Place::position).isEqualTo(1);
        assertThat(kit.s.jobs().place(second)).get().extracting(JobStore.Place::position).isEqualTo(2);
        Job lastBackground = kit.jobs(ids.get(2)).get(0);
        assertThat(kit.s.jobs().place(lastBackground).orElseThrow().position()).isEqualTo(5);
        // No person's render has finished yet, so there is nothing to estimate from.
        assertThat(kit.s.jobs().place(second).orElseThrow().estimateSeconds()).isEmpty();

        // The first person's render takes about two seconds (timestamps set as a worker would).
        Job claimed = claim().orElseThrow();
        assertThat(claimed.id()).isEqualTo(first.id());
        kit.jdbi.useHandle(h -> h.execute("""
                UPDATE image_jobs SET state = 'done', started_at = now() - interval '2 seconds', finished_at = now()
                WHERE id = ?""", claimed.id()));
        JobStore.Place place = kit.s.jobs().place(second).orElseThrow();
        assertThat(place.position()).isEqualTo(1);
        assertThat(place.estimateSeconds()).get().satisfies(s -> assertThat(s).isBetween(1.9, 2.1));
        assertThat(kit.s.jobs().place(claimed)).isEmpty();
    }

    @Test
    void theJobListShowsTheQueuedPlaceAndWhoAskedOverHttp() throws Exception {
        List<String> ids = items(3);
        background(ids.get(0), "ai1");
        background(ids.get(1), "ai1");
        kit.request(ids.get(2), "ai2", "mine");
        JsonNode jobs = kit.server.getJson("/api/image-jobs?video_id=" + ids.get(1)).path("jobs");
        assertThat(jobs.get(0).path("state").asText()).isEqualTo("queued");
        assertThat(jobs.get(0).path("priority").asText()).isEqualTo("background");
        assertThat(jobs.get(0).path("queue_position").asInt()).isEqualTo(3);
        assertThat(jobs.get(0).has("queue_estimate_seconds")).isTrue();
        JsonNode mine = kit.server.getJson("/api/image-jobs?video_id=" + ids.get(2)).path("jobs").get(0);
        assertThat(mine.path("priority").asText()).isEqualTo("person");
        assertThat(mine.path("queue_position").asInt()).isEqualTo(1);
    }
}
