package dev.ytv2.images;

import java.util.List;
import java.util.Optional;

/** {@link ImageJobs} before the render worker's job table exists: there are no jobs. */
public final class NoImageJobs implements ImageJobs {
    @Override
    public List<ImageJob> forReport(String videoId) {
        return List.of();
    }

    @Override
    public Optional<ImageJob> retry(long jobId) {
        return Optional.empty();
    }
}
