package dev.ytv2.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ReportJson.RowFields;
import dev.ytv2.files.FileStore;
import dev.ytv2.http.ApiError;
import dev.ytv2.http.Json;
import io.javalin.http.Context;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Handlers for reading reports and facets, and deleting a report. Pages and details are served from
 * {@link EncodedAnswers}: the same question in the same database snapshot gets the same bytes. A
 * page read again builds only the rows whose report changed ({@link RowFragments}).
 */
public final class ReportRoutes {
    private final ReportStore reports;
    private final FacetStore facets;
    private final ReportJson json;
    private final ReportWriter writer;
    private final FileStore files;
    private final ObjectMapper mapper;

    private record ListKey(ReportRequest request, RowFields fields) {
    }

    private final EncodedAnswers<ListKey> pages = new EncodedAnswers<>(48_000_000, 1_000_000);
    private final RowFragments rows = new RowFragments(32_000_000);
    // Keyed by the id as asked for: any spelling of it answers the same report.
    private final EncodedAnswers<String> details = new EncodedAnswers<>(16_000_000, 1_000_000);

    public ReportRoutes(ReportStore reports, FacetStore facets, ReportJson json, ReportWriter writer, FileStore files,
                        ObjectMapper mapper) {
        this.reports = reports;
        this.facets = facets;
        this.json = json;
        this.writer = writer;
        this.files = files;
        this.mapper = mapper;
    }

    public void list(Context ctx) {
        ReportRequest request = ReportRequest.parse(ctx.queryParamMap());
        RowFields fields = RowFields.parse(ctx.queryParam("fields"));
        EncodedAnswers.send(ctx, pages.get(new ListKey(request, fields), reports.snapshot(), () -> {
            Map<ReportStore.RowVersion, byte[]> built = new HashMap<>();
            ReportStore.Page page = reports.list(request, version -> {
                byte[] row = rows.get(version, fields);
                if (row != null) built.put(version, row);
                return row != null;
            });
            List<byte[]> encoded = new ArrayList<>();
            for (ReportStore.RowVersion version : page.rows()) {
                byte[] row = built.get(version);
                ReportStore.Report read = page.read().get(version.videoId());
                if (row == null && read != null) {
                    row = bytes(json.listRow(read.row(), read.summaries(), fields));
                    rows.put(version, fields, row);
                }
                if (row != null) encoded.add(row);
            }
            return new EncodedAnswers.Encoded(page.snapshot(), pageBytes(encoded, page));
        }));
    }

    /** The same bytes as the page's JSON tree written whole: `{"reports":[rows],"pagination":{...}}`. */
    private byte[] pageBytes(List<byte[]> encodedRows, ReportStore.Page page) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                encodedRows.stream().mapToInt(r -> r.length + 1).sum() + 200);
        out.writeBytes("{\"reports\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < encodedRows.size(); i++) {
            if (i > 0) out.write(',');
            out.writeBytes(encodedRows.get(i));
        }
        out.writeBytes("],\"pagination\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes(json.page(List.of(), page.page(), page.size(), page.total()).get("pagination")));
        out.write('}');
        return out.toByteArray();
    }

    /** A page as `/api/reports` answers it, every field of each row. */
    public ObjectNode pageJson(ReportStore.Page page) {
        return json.page(page, RowFields.FULL);
    }

    /** A page of rows built elsewhere (ranked by semantic search), with its pagination. */
    public ObjectNode pageJson(List<ObjectNode> rows, int page, int size, long total) {
        return json.page(rows, page, size, total);
    }

    public void detail(Context ctx) {
        String id = ReportIds.validate(ctx.pathParam("id"));
        EncodedAnswers.send(ctx, details.get(id, reports.snapshot(), () -> {
            ReportStore.Detail detail = reports.detail(id).orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'."));
            return new EncodedAnswers.Encoded(detail.snapshot(), bytes(json.detail(detail)));
        }));
    }

    public void filters(Context ctx) {
        Json.send(ctx, mapper, FacetJson.of(mapper, facets.facets(ReportRequest.parse(ctx.queryParamMap()).filter())));
    }

    public void delete(Context ctx) {
        String id = ReportIds.validate(ctx.pathParam("id"));
        var removedFiles = writer.delete(id).orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'."));
        // Files go after the commit: a failed delete never leaves a report pointing at missing files,
        // and only files no other report refers to were returned.
        long deleted = removedFiles.stream().filter(files::delete).count();
        ctx.json(mapper.createObjectNode().put("deleted", true).put("video_id", id).put("files_removed", deleted));
    }

    /** UTF-8 straight from the tree: see {@link Json#send}. */
    private byte[] bytes(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
