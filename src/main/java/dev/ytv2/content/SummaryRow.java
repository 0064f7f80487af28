package dev.ytv2.content;

import java.time.OffsetDateTime;

/** The latest revision of one summary variant of a report. */
public record SummaryRow(String videoId, String variant, String summaryType, String text, String html,
                         int revision, OffsetDateTime createdAt) {
}
