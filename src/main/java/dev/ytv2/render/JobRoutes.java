package dev.ytv2.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ReportIds;
import dev.ytv2.content.ReportStore;
import dev.ytv2.http.ApiError;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import io.javalin.http.Context;

/** `GET /api/image-jobs?video_id=` (read) and `POST /api/image-jobs/{id}/retry` (admin). */
public final class JobRoutes {
    private final JobStore jobs;
    private final RenderRequests requests;
    private final ReportStore reports;
    private final ObjectMapper mapper;

    public JobRoutes(JobStore jobs, RenderRequests requests, ReportStore reports, ObjectMapper mapper) {
        this.jobs = jobs;
        this.requests = requests;
        this.reports = reports;
        this.mapper = mapper;
    }

    /** {@code admin}: whether the caller may see backends' own error texts (the route table knows). */
    public void list(Context ctx, boolean admin) {
        String id = ReportIds.validate(ctx.queryParam("video_id"));
        String videoId = reports.resolve(id).orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'."));
        ObjectNode out = mapper.createObjectNode();
        ArrayNode list = out.putArray("jobs");
        // A backend's reply may name its address or echo its internals: only the admin sees it.
        for (Job j : jobs.forReport(videoId)) {
            ObjectNode node = j.toJson(mapper);
            if (!admin && j.lastError() != null) node.put("last_error", PublicError.of(j.lastError()));
            jobs.place(j).ifPresent(p -> {
                node.put("queue_position", p.position());
                p.estimateSeconds().ifPresentOrElse(s -> node.put("queue_estimate_seconds", Math.max(1, Math.round(s))),
                        () -> node.putNull("queue_estimate_seconds"));
            });
            list.add(node);
        }
        ctx.json(out);
    }

    public void retry(Context ctx) {
        String raw = ctx.pathParam("id");
        long jobId;
        try {
            jobId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_id", "A job id is a whole number, not '" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'.");
        }
        RenderRequests.RetryOutcome outcome = requests.retry(jobId);
        if (outcome instanceof RenderRequests.RetryOutcome.Restarted r) {
            ctx.json(mapper.createObjectNode().put("ok", true).set("job", r.job().toJson(mapper)));
        } else if (outcome instanceof RenderRequests.RetryOutcome.Refused r) {
            throw new ApiError(409, "not_retryable", r.reason());
        } else {
            throw ApiError.notFound("No image job " + jobId + ".");
        }
    }
}
