package dev.ytv2.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ReportJson.RowFields;
import dev.ytv2.files.FileStore;
import dev.ytv2.http.ApiError;
import dev.ytv2.http.Json;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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

    private final EncodedAnswers<ListKey> pages = new EncodedAnswers<>(24_000_000, 32_000_000, 1_000_000);
    private final RowFragments rows = new RowFragments(32_000_000);
    // Keyed by the id as asked for: any spelling of it answers the same report.
    private final EncodedAnswers<String> details = new EncodedAnswers<>(8_000_000, 16_000_000, 1_000_000);

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
            EncodedPage page = encoded(known -> reports.list(request, known), fields);
            return new EncodedAnswers.Encoded(page.page().snapshot(),
                    answer(null, page.rows(), Map.of(), paginationOf(page.page())));
        }));
    }

    private record EncodedRow(String videoId, byte[] json) {
    }

    private record EncodedPage(ReportStore.Page page, List<EncodedRow> rows) {
    }

    /** The page `read` gives, its rows as JSON in page order: rows kept for their version are copied, the others built and kept. */
    private EncodedPage encoded(Function<Predicate<ReportStore.RowVersion>, ReportStore.Page> read, RowFields fields) {
        Map<ReportStore.RowVersion, byte[]> built = new HashMap<>();
        ReportStore.Page page = read.apply(version -> {
            byte[] row = rows.get(version, fields);
            if (row != null) built.put(version, row);
            return row != null;
        });
        List<EncodedRow> encoded = new ArrayList<>();
        for (ReportStore.RowVersion version : page.rows()) {
            byte[] row = built.get(version);
            ReportStore.Report report = page.read().get(version.videoId());
            if (row == null && report != null) {
                row = bytes(json.listRow(report.row(), report.summaries(), fields));
                rows.put(version, fields, row);
            }
            if (row != null) encoded.add(new EncodedRow(version.videoId(), row));
        }
        return new EncodedPage(page, encoded);
    }

    /** A report of a ranking made elsewhere, and the fields (a score) its row gets besides its own. */
    public record Ranked(String videoId, ObjectNode extra) {
    }

    /**
     * `{head's fields, "reports":[the rows of `ranked`, in its order, each with its extra fields], tail's
     * fields}`, from the same kept rows as the pages: a ranked answer costs one read of the rows'
     * versions when its reports were shown before. Reports gone since the ranking are left out.
     */
    public byte[] rankedAnswer(ObjectNode head, List<Ranked> ranked, RowFields fields, ObjectNode tail) {
        Map<String, ObjectNode> extras = new HashMap<>();
        ranked.forEach(r -> extras.put(r.videoId(), r.extra()));
        List<EncodedRow> rows = ranked.isEmpty() ? List.of()
                : encoded(known -> reports.ofIds(ranked.stream().map(Ranked::videoId).toList(), known), fields).rows();
        return answer(head, rows, extras, tail);
    }

    private byte[] answer(ObjectNode head, List<EncodedRow> rows, Map<String, ObjectNode> extras, ObjectNode tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                rows.stream().mapToInt(r -> r.json().length + 40).sum() + 400);
        out.write('{');
        byte[] headFields = innerFields(head);
        out.writeBytes(headFields);
        if (headFields.length > 0) out.write(',');
        out.writeBytes("\"reports\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) out.write(',');
            byte[] row = rows.get(i).json();
            byte[] extra = innerFields(extras.get(rows.get(i).videoId()));
            if (extra.length == 0) {
                out.writeBytes(row);
                continue;
            }
            // A row is an object with at least its video_id, so its fields end just before its last byte.
            out.write(row, 0, row.length - 1);
            out.write(',');
            out.writeBytes(extra);
            out.write('}');
        }
        out.write(']');
        byte[] tailFields = innerFields(tail);
        if (tailFields.length > 0) out.write(',');
        out.writeBytes(tailFields);
        out.write('}');
        return out.toByteArray();
    }

    /** An object's fields as JSON without its braces; none for null or `{}`. */
    private byte[] innerFields(ObjectNode node) {
        if (node == null || node.isEmpty()) return new byte[0];
        byte[] whole = bytes(node);
        return java.util.Arrays.copyOfRange(whole, 1, whole.length - 1);
    }

    private ObjectNode paginationOf(ReportStore.Page page) {
        return mapper.createObjectNode().set("pagination", pagination(page.page(), page.size(), page.total()));
    }

    /** The `pagination` object of a page's answer. */
    public ObjectNode pagination(int page, int size, long total) {
        return (ObjectNode) json.page(List.of(), page, size, total).get("pagination");
    }

    /** A page as `/api/reports` answers it, every field of each row. */
    public ObjectNode pageJson(ReportStore.Page page) {
        return json.page(page, RowFields.FULL);
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
