package dev.ytv2.images;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The seam to the render worker's job table (issue 4). The render package implements this over its
 * table and Main passes that implementation in; until then {@link NoImageJobs} answers "no jobs".
 */
public interface ImageJobs {

    /** A render job as the API shows it: `state` is queued, rendering, done or failed. */
    record ImageJob(long id, String videoId, String mode, String state, String prompt, int attempts,
                    Optional<String> error, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** Jobs of one report (its stored video_id), newest first. */
    List<ImageJob> forReport(String videoId);

    /**
     * Puts a failed job back in the queue (and raises `image-job-queued`); empty when no such job
     * exists. A job that is not failed is returned unchanged.
     */
    Optional<ImageJob> retry(long jobId);
}
