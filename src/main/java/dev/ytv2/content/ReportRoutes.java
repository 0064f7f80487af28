package dev.ytv2.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.files.FileStore;
import dev.ytv2.http.ApiError;
import dev.ytv2.http.Json;
import io.javalin.http.Context;

/** Handlers for reading reports and facets, and deleting a report. */
public final class ReportRoutes {
    private final ReportStore reports;
    private final FacetStore facets;
    private final ReportWriter writer;
    private final FileStore files;
    private final ObjectMapper mapper;

    public ReportRoutes(ReportStore reports, FacetStore facets, ReportWriter writer, FileStore files, ObjectMapper mapper) {
        this.reports = reports;
        this.facets = facets;
        this.writer = writer;
        this.files = files;
        this.mapper = mapper;
    }

    public void list(Context ctx) {
        ReportRequest request = ReportRequest.parse(ctx.queryParamMap());
        Json.send(ctx, mapper, pageJson(mapper, reports.list(request)));
    }

    /** The answer of `/api/reports`: the page's reports and where it stands. */
    public static ObjectNode pageJson(ObjectMapper mapper, ReportStore.Page page) {
        ObjectNode out = mapper.createObjectNode();
        out.putArray("reports").addAll(page.reports());
        ObjectNode p = out.putObject("pagination");
        p.put("page", page.page());
        p.put("size", page.size());
        p.put("total", page.total());
        p.put("pages", page.pages());
        p.put("has_next", page.page() < page.pages());
        p.put("has_prev", page.page() > 1);
        return out;
    }

    public void detail(Context ctx) {
        String id = ReportIds.validate(ctx.pathParam("id"));
        Json.send(ctx, mapper, reports.detail(id).orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'.")));
    }

    public void filters(Context ctx) {
        Json.send(ctx, mapper, facets.facets(ReportRequest.parse(ctx.queryParamMap()).filter()));
    }

    public void delete(Context ctx) {
        String id = ReportIds.validate(ctx.pathParam("id"));
        var removedFiles = writer.delete(id).orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'."));
        // Files go after the commit: a failed delete never leaves a report pointing at missing files,
        // and only files no other report refers to were returned.
        long deleted = removedFiles.stream().filter(files::delete).count();
        ctx.json(mapper.createObjectNode().put("deleted", true).put("video_id", id).put("files_removed", deleted));
    }
}
