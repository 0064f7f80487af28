package dev.ytv2.content;

import java.util.Arrays;
import java.util.Optional;

/** The sorts of `/api/reports`; each ends on video_id so pages never overlap or skip. */
public enum ReportSort {
    /** Title matches by rank, then the rest newest first: two queries, see ReportStore. */
    RELEVANCE("relevance", "r.added_at DESC, r.video_id DESC"),
    ADDED_DESC("added_desc", "r.added_at DESC, r.video_id DESC"),
    ADDED_ASC("added_asc", "r.added_at ASC, r.video_id ASC"),
    PUBLISHED_DESC("published_desc", "r.published_at DESC NULLS LAST, r.video_id DESC"),
    PUBLISHED_ASC("published_asc", "r.published_at ASC NULLS LAST, r.video_id ASC"),
    TITLE_ASC("title_asc", "r.title_sort ASC NULLS LAST, r.video_id ASC"),
    TITLE_DESC("title_desc", "r.title_sort DESC NULLS LAST, r.video_id DESC"),
    DURATION_ASC("duration_asc", "r.duration_seconds ASC NULLS LAST, r.video_id ASC"),
    DURATION_DESC("duration_desc", "r.duration_seconds DESC NULLS LAST, r.video_id DESC");

    private final String param;
    private final String orderBy;

    ReportSort(String param, String orderBy) {
        this.param = param;
        this.orderBy = orderBy;
    }

    public String param() {
        return param;
    }

    public String orderBy() {
        return orderBy;
    }

    public static Optional<ReportSort> of(String param) {
        return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst();
    }
}
