package dev.ytv2.content;

import dev.ytv2.errors.Refusal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The query string of `/api/reports` and `/api/filters`, validated: bad values are a 400, never ignored. */
public record ReportRequest(ReportFilter filter, ReportSort sort, int page, int size) {
    public static final int DEFAULT_SIZE = 24;
    public static final int MAX_SIZE = 100;
    private static final int MAX_VALUES = 50;
    private static final int MAX_VALUE_LENGTH = 200;
    private static final int MAX_QUERY_LENGTH = 300;
    private static final java.util.regex.Pattern NEGATION_RUN = java.util.regex.Pattern.compile("-{2,}");

    public static ReportRequest parse(Map<String, List<String>> params) {
        ReportFilter filter = new ReportFilter(
                query(params),
                values(params, "source").stream().map(String::toLowerCase).toList(),
                values(params, "category"),
                values(params, "subcategory"),
                values(params, "channel"),
                values(params, "language"),
                values(params, "content_type"),
                values(params, "summary_type"),
                bool(params, "has_audio"),
                ids(params),
                date(params, "date_from", false),
                date(params, "date_to", true));
        // A search is ranked by relevance unless the client asks for another order.
        String sortParam = single(params, "sort").filter(v -> !v.isBlank())
                .orElse(filter.q().isPresent() ? "relevance" : "added_desc");
        ReportSort sort = ReportSort.of(sortParam).orElseThrow(() -> Refusal.invalid("invalid_sort",
                "Unknown sort '" + clip(sortParam) + "'; use one of relevance, added_desc, added_asc, published_desc, "
                        + "published_asc, title_asc, title_desc, duration_asc, duration_desc."));
        if (sort == ReportSort.RELEVANCE && filter.q().isEmpty()) sort = ReportSort.ADDED_DESC;
        int page = number(params, "page", 1, 1, 1_000_000);
        int size = number(params, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new ReportRequest(filter, sort, page, size);
    }

    private static Optional<String> query(Map<String, List<String>> params) {
        Optional<String> q = single(params, "q").map(String::trim).filter(s -> !s.isEmpty());
        if (q.isPresent() && q.get().length() > MAX_QUERY_LENGTH) {
            throw Refusal.invalid("invalid_query", "The search text is longer than " + MAX_QUERY_LENGTH + " characters.");
        }
        // Each '-' of a run is one more negation; 32 nested ones overflow PostgreSQL's tsquery stack.
        return q.map(s -> NEGATION_RUN.matcher(s).replaceAll("-"));
    }

    private static List<String> values(Map<String, List<String>> params, String name) {
        List<String> raw = params.getOrDefault(name, List.of());
        if (raw.size() > MAX_VALUES) throw Refusal.invalid("invalid_filter", "Too many '" + name + "' values (at most " + MAX_VALUES + ").");
        List<String> out = new ArrayList<>();
        for (String value : raw) {
            String v = value.trim();
            if (v.isEmpty()) continue;
            check(name, v);
            out.add(v);
        }
        return List.copyOf(out);
    }

    private static List<String> ids(Map<String, List<String>> params) {
        List<String> out = new ArrayList<>();
        for (String value : params.getOrDefault("ids", List.of())) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) out.addAll(ReportIds.candidates(ReportIds.validate(id)));
            }
        }
        if (out.size() > 100 * 5) throw Refusal.invalid("invalid_filter", "Too many ids (at most 100).");
        return List.copyOf(out);
    }

    private static Optional<Boolean> bool(Map<String, List<String>> params, String name) {
        return single(params, name).map(String::trim).filter(s -> !s.isEmpty()).map(v -> switch (v.toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw Refusal.invalid("invalid_filter", "'" + name + "' must be true or false.");
        });
    }

    private static Optional<OffsetDateTime> date(Map<String, List<String>> params, String name, boolean endOfDay) {
        Optional<String> raw = single(params, name).map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) return Optional.empty();
        String v = raw.get();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return Optional.of(Timestamps.storable((endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC)
                        .minusNanos(endOfDay ? 1000 : 0), name));
            }
            return Optional.of(Timestamps.storable(OffsetDateTime.parse(v), name));
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date", "'" + name + "' must be a date like 2025-01-31 or an ISO-8601 timestamp.");
        }
    }

    private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max) {
        Optional<String> raw = single(params, name).map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(raw.get());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // falls through to the refusal below
        }
        throw Refusal.invalid("invalid_" + name, "'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) throw Refusal.invalid("invalid_" + name, "Give '" + name + "' once.");
        if (values.isEmpty()) return Optional.empty();
        check(name, values.get(0));
        return Optional.of(values.get(0));
    }

    private static void check(String name, String value) {
        if (value.length() > MAX_VALUE_LENGTH && !name.equals("q")) {
            throw Refusal.invalid("invalid_filter", "A '" + name + "' value is longer than " + MAX_VALUE_LENGTH + " characters.");
        }
        if (value.indexOf('\u0000') >= 0) throw Refusal.invalid("invalid_filter", "'" + name + "' contains a NUL character.");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
