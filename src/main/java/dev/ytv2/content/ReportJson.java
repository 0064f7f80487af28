package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.errors.Refusal;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Optional;

/** Builds the report shapes of the API (README, API: Reading) from stored rows: compact for lists, whole for the detail. */
public final class ReportJson {
    private static final List<String> EXCERPT_PREFERENCE = List.of("comprehensive", "executive", "key-insights", "bullet-points");
    private static final int EXCERPT_LENGTH = 280;

    private final ObjectMapper mapper;
    private final SanitizedSummaries sanitized;
    private final ImageSection images;
    private final List<String> notOnCardsAnalysis;

    public ReportJson(ObjectMapper mapper, HtmlSanitizer sanitizer, ImageSection images) {
        this.mapper = mapper;
        this.sanitized = new SanitizedSummaries(sanitizer, 64_000_000);
        this.images = images;
        this.notOnCardsAnalysis = java.util.stream.Stream.concat(java.util.stream.Stream.of("categories", "subcategory", "key_topics"),
                images.promptKeys().stream()).toList();
    }

    /**
     * Which fields a list row carries. `FULL` is every field of the list contract (README, "API");
     * `CARD`, asked for with `fields=card` (the dashboard does), is what the card reads: no prompt
     * texts (the Manage Images dialog reads them from the detail), no fields that repeat another
     * (`id`, `channel_name`, `source_label`, the category tree), none the card does not show
     * (`key_topics`, `subcategory`, `summary_type_latest`), no nulls, which the card reads as
     * absent anyway, a summary variant's type where it is its name, and the excerpt cut to the 200
     * characters that three clamped lines of a card can show. About half a row's size.
     */
    public enum RowFields {
        FULL, CARD;

        public static RowFields parse(String param) {
            if (param == null || param.isBlank()) return FULL;
            if (param.trim().equals("card")) return CARD;
            throw Refusal.invalid("invalid_fields", "Unknown 'fields' value; leave it out for every field, or use 'card'.");
        }
    }

    private static final int CARD_EXCERPT_LENGTH = 200;
    private static final List<String> NOT_ON_CARDS = List.of("id", "channel_name", "source_label", "summary_type_latest");

    public ObjectNode listRow(ContentRow row, List<SummaryRow> summaries) {
        return listRow(row, summaries, RowFields.FULL);
    }

    public ObjectNode listRow(ContentRow row, List<SummaryRow> summaries, RowFields fields) {
        ObjectNode out = common(row, summaries, true);
        out.put("summary_text", excerpt(summaries));
        if (fields == RowFields.CARD) {
            out.remove(NOT_ON_CARDS);
            ObjectNode analysis = (ObjectNode) out.get("analysis");
            analysis.remove(notOnCardsAnalysis);
            withoutNulls(out);
            withoutNulls(analysis);
            withoutNulls((ObjectNode) out.get("media"));
            if (out.hasNonNull("summary_text")) out.put("summary_text", clip(out.get("summary_text").asText(), CARD_EXCERPT_LENGTH));
            // A variant's type is its name unless said otherwise; the card's menu reads it that way.
            for (JsonNode v : out.withArray("summary_variants")) {
                if (v.path("summary_type").asText().equals(v.path("variant").asText())) ((ObjectNode) v).remove("summary_type");
            }
        }
        return out;
    }

    private static void withoutNulls(ObjectNode node) {
        List<String> nulls = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (node.get(name).isNull()) nulls.add(name);
        });
        node.remove(nulls);
    }

    /** The answer of `/api/reports`: the page's reports and where it stands. */
    public ObjectNode page(ReportStore.Page page, RowFields fields) {
        List<ObjectNode> rows = page.reports().stream().map(r -> listRow(r.row(), r.summaries(), fields)).toList();
        return page(rows, page.page(), page.size(), page.total());
    }

    public ObjectNode page(List<ObjectNode> rows, int page, int size, long total) {
        ObjectNode out = mapper.createObjectNode();
        out.putArray("reports").addAll(rows);
        int pages = (int) ((total + size - 1) / size);
        ObjectNode p = out.putObject("pagination");
        p.put("page", page);
        p.put("size", size);
        p.put("total", total);
        p.put("pages", pages);
        p.put("has_next", page < pages);
        p.put("has_prev", page > 1);
        return out;
    }

    public ObjectNode detail(ReportStore.Detail d) {
        return transcript(detail(d.row(), d.summaries()), d.transcriptText(), d.transcriptSegments());
    }

    /**
     * `transcript_text`, and `transcript_segments` as `[{start, duration, text}]` (seconds), whatever
     * shape of segment list the writer stored: entries without text are left out.
     */
    public ObjectNode transcript(ObjectNode out, String text, String segmentsJson) {
        out.put("transcript_text", text == null || text.isBlank() ? null : text);
        ArrayNode segments = mapper.createArrayNode();
        JsonNode stored = parse(segmentsJson).orElse(null);
        if (stored != null && stored.isObject() && stored.path("segments").isArray()) stored = stored.get("segments");
        if (stored != null && stored.isArray()) {
            for (JsonNode s : stored) {
                String line = s.path("text").asText("").strip();
                if (line.isEmpty()) continue;
                ObjectNode seg = segments.addObject();
                double start = s.path("start").asDouble(s.path("offset").asDouble(0));
                seg.put("start", Double.isFinite(start) && start >= 0 ? start : 0);
                if (s.has("duration")) seg.put("duration", s.path("duration").asDouble(0));
                seg.put("text", line);
            }
        }
        out.set("transcript_segments", segments);
        return out;
    }

    public ObjectNode detail(ContentRow row, List<SummaryRow> summaries) {
        ObjectNode out = common(row, summaries, false);
        out.put("summary_text", excerpt(summaries));
        ArrayNode variants = out.putArray("summary_variants");
        for (SummaryRow s : sorted(summaries)) {
            ObjectNode v = variants.addObject();
            v.put("variant", s.variant());
            v.put("summary_type", s.summaryType() == null ? s.variant() : s.summaryType());
            v.put("text", s.text());
            v.put("html", sanitized.html(s));
            v.put("revision", s.revision());
            v.put("created_at", iso(s.createdAt()));
        }
        out.set("topics", parse(row.topicsJson()).orElse(mapper.createArrayNode()));
        out.set("subcategories_json", parse(row.subcategoriesJson()).orElse(mapper.nullNode()));
        out.set("media_metadata", parse(row.mediaMetadata()).orElse(mapper.nullNode()));
        return out;
    }

    private ObjectNode common(ContentRow row, List<SummaryRow> summaries, boolean compact) {
        ObjectNode analysis = parse(row.analysisJson()).filter(JsonNode::isObject).map(n -> (ObjectNode) n)
                .orElse(mapper.createObjectNode());
        ObjectNode media = parse(row.media()).filter(JsonNode::isObject).map(n -> (ObjectNode) n)
                .orElse(mapper.createObjectNode());
        String source = Optional.ofNullable(row.contentSource()).filter(s -> !s.isBlank()).map(String::toLowerCase)
                .orElse(ReportIds.inferSource(row.videoId(), row.canonicalUrl()));
        ObjectNode out = mapper.createObjectNode();
        out.put("id", row.videoId());
        out.put("video_id", row.videoId());
        out.put("title", row.title());
        out.put("channel", row.channelName());
        out.put("channel_name", row.channelName());
        out.put("content_source", source);
        out.put("source_label", sourceLabel(source));
        out.put("thumbnail_url", row.thumbnailUrl());
        // Older writers set only one of the two places the A1 selection lives.
        out.put("summary_image_url", images.summaryImageUrl(analysis, row.summaryImageUrl()));
        out.put("canonical_url", row.canonicalUrl());
        out.put("published_at", iso(row.publishedAt()));
        out.put("duration_seconds", row.durationSeconds());
        out.put("indexed_at", iso(row.indexedAt()));
        out.set("analysis", analysisView(analysis, row, compact));
        ObjectNode mediaOut = out.putObject("media");
        boolean hasAudio = row.hasAudio() || media.path("has_audio").asBoolean(false);
        mediaOut.put("has_audio", hasAudio);
        mediaOut.put("audio_url", text(media, "audio_url"));
        if (media.has("audio_duration_seconds")) mediaOut.set("audio_duration_seconds", media.get("audio_duration_seconds"));
        List<SummaryRow> ordered = sorted(summaries);
        out.put("summary_type_latest", summaries.stream().max(Comparator.comparing(SummaryRow::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder()))).map(s -> typeOf(s)).orElse(null));
        ArrayNode names = out.putArray("summary_variants");
        if (compact) {
            for (SummaryRow s : ordered) names.addObject().put("variant", s.variant()).put("summary_type", typeOf(s));
        }
        return out;
    }

    private ObjectNode analysisView(ObjectNode analysis, ContentRow row, boolean compact) {
        ObjectNode a = mapper.createObjectNode();
        List<String> categories = strings(analysis.get("category"));
        a.set("category", array(categories));
        a.put("subcategory", strings(analysis.get("subcategory")).stream().findFirst().orElse(null));
        a.set("categories", categoryTree(categories, analysis, row));
        a.put("content_type", text(analysis, "content_type"));
        a.put("language", Optional.ofNullable(row.language()).orElse(text(analysis, "language")));
        a.set("key_topics", array(strings(analysis.get("key_topics"))));
        images.show(analysis, row.summaryImageUrl(), compact, a);
        return a;
    }

    // valueToTree looks the list's type up on every call: a sixth of a row's cost.
    private ArrayNode array(List<String> values) {
        ArrayNode out = mapper.createArrayNode();
        values.forEach(out::add);
        return out;
    }

    /** `[{category, subcategories[]}]`, from subcategories_json when it maps categories to lists. */
    private ArrayNode categoryTree(List<String> categories, ObjectNode analysis, ContentRow row) {
        ArrayNode out = mapper.createArrayNode();
        JsonNode subs = parse(row.subcategoriesJson()).orElse(null);
        for (String category : categories) {
            ObjectNode c = out.addObject();
            c.put("category", category);
            List<String> own = subs != null && subs.isObject() ? strings(subs.get(category)) : List.of();
            if (own.isEmpty() && category.equals(categories.get(0))) own = strings(analysis.get("subcategory"));
            c.set("subcategories", array(own));
        }
        return out;
    }

    // Compiled once: excerpts are made for every row of every page.
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;,)\"'”]$");
    private static final Pattern BULLET = Pattern.compile("^[-*•]\\s+");

    private static String excerpt(List<SummaryRow> summaries) {
        return sorted(summaries).stream()
                .map(s -> s.text() != null && !s.text().isBlank() ? s.text() : HtmlSanitizer.plainText(s.html()))
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .map(t -> clip(collapseWhitespace(withoutHeadings(t), EXCERPT_LENGTH + 1)))
                .orElse(null);
    }

    /** Summaries often open with a heading line ("Overview"); an excerpt reads better without it. */
    static String withoutHeadings(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : (Iterable<String>) text.lines()::iterator) {
            // An excerpt shows its first few hundred characters; the rest of the text is never read.
            if (out.length() > 4 * EXCERPT_LENGTH) break;
            String l = line.strip();
            boolean heading = !l.isEmpty() && l.length() < 60 && !SENTENCE_END.matcher(l).matches()
                    && (l.startsWith("#") || !l.contains(". "));
            if (!heading || l.startsWith("- ") || l.startsWith("* ")) out.append(BULLET.matcher(l).replaceFirst("")).append(' ');
        }
        String result = out.toString().trim();
        return result.isEmpty() ? text : result;
    }

    /** Runs of white space as one space, trimmed, up to `max` characters: all an excerpt can show. */
    static String collapseWhitespace(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) out.append(' ');
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    static String clip(String text) {
        return clip(text, EXCERPT_LENGTH);
    }

    static String clip(String text, int max) {
        if (text.length() <= max) return text;
        // An excerpt clipped before already ends in "…"; clip what comes before it.
        String body = text.endsWith("…") ? text.substring(0, text.length() - 1) : text;
        if (body.length() <= max) return text;
        int cut = body.lastIndexOf(' ', max);
        return body.substring(0, cut > max / 2 ? cut : max) + "…";
    }

    private static List<SummaryRow> sorted(List<SummaryRow> summaries) {
        return summaries.stream().sorted(Comparator.comparingInt((SummaryRow s) -> {
            int i = EXCERPT_PREFERENCE.indexOf(s.variant());
            return i < 0 ? EXCERPT_PREFERENCE.size() : i;
        }).thenComparing(SummaryRow::variant)).toList();
    }

    private static String typeOf(SummaryRow s) {
        return s.summaryType() == null ? s.variant() : s.summaryType();
    }

    /** Always with seconds and in UTC, so clients can compare timestamps as strings. */
    static String iso(java.time.OffsetDateTime t) {
        return t == null ? null : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                t.withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    public static String sourceLabel(String source) {
        return switch (source) {
            case "youtube" -> "YouTube";
            case "reddit" -> "Reddit";
            case "web" -> "Web";
            default -> source.isEmpty() ? "Other" : Character.toUpperCase(source.charAt(0)) + source.substring(1);
        };
    }

    private Optional<JsonNode> parse(String json) {
        if (json == null) return Optional.empty();
        try {
            JsonNode node = mapper.readTree(json);
            // Some writers stored JSON documents as JSON strings; unwrap one level.
            if (node != null && node.isTextual()) {
                String inner = node.asText().trim();
                if (inner.startsWith("{") || inner.startsWith("[")) node = mapper.readTree(inner);
            }
            return Optional.ofNullable(node);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) return List.of();
        if (node.isTextual()) return node.asText().isBlank() ? List.of() : List.of(node.asText().trim());
        if (!node.isArray()) return List.of();
        return java.util.stream.StreamSupport.stream(node.spliterator(), false)
                .filter(JsonNode::isTextual).map(n -> n.asText().trim()).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
