package dev.ytv2.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ReportIds;
import dev.ytv2.content.ReportStore;
import dev.ytv2.web.ApiError;
import io.javalin.http.Context;

/** `GET /api/image-jobs?video_id=` and `POST /api/image-jobs/{id}/retry`, over the {@link ImageJobs} seam. */
public final class ImageJobRoutes {
    private final ImageJobs jobs;
    private final ReportStore reports;
    private final ObjectMapper mapper;

    public ImageJobRoutes(ImageJobs jobs, ReportStore reports, ObjectMapper mapper) {
        this.jobs = jobs;
        this.reports = reports;
        this.mapper = mapper;
    }

    public void list(Context ctx) {
        String id = ReportIds.validate(ctx.queryParam("video_id"));
        String videoId = reports.resolve(id).orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'."));
        ObjectNode out = mapper.createObjectNode();
        ArrayNode list = out.putArray("jobs");
        jobs.forReport(videoId).forEach(j -> list.add(json(j)));
        ctx.json(out);
    }

    public void retry(Context ctx) {
        long jobId;
        try {
            jobId = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_id", "A job id is a number.");
        }
        ImageJobs.ImageJob job = jobs.retry(jobId).orElseThrow(() -> ApiError.notFound("No image job " + jobId + "."));
        ctx.json(mapper.createObjectNode().put("ok", true).set("job", json(job)));
    }

    private ObjectNode json(ImageJobs.ImageJob j) {
        return mapper.createObjectNode()
                .put("id", j.id())
                .put("video_id", j.videoId())
                .put("mode", j.mode())
                .put("state", j.state())
                .put("prompt", j.prompt())
                .put("attempts", j.attempts())
                .put("error", j.error().orElse(null))
                .put("created_at", j.createdAt() == null ? null : j.createdAt().toString())
                .put("updated_at", j.updatedAt() == null ? null : j.updatedAt().toString());
    }
}
