package dev.ytv2.content;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A revision's HTML is sanitised once and then served from memory; a new revision is sanitised anew. */
@UnitTest
class SanitizedSummariesTest {
    static final OffsetDateTime T = OffsetDateTime.parse("2025-01-01T00:00:00Z");

    @Test
    void aRevisionIsSanitisedOnceAndANewRevisionOrAReMadeReportIsNot() {
        SanitizedSummaries summaries = new SanitizedSummaries(new HtmlSanitizer(), 10_000_000);
        String big = "<p onclick=\"x()\">" + "word ".repeat(200_000) + "</p><script>alert(1)</script>";
        SummaryRow r1 = new SummaryRow("yt:a", "comprehensive", null, null, big, 1, T);
        String first = summaries.html(r1);
        assertThat(first).doesNotContain("<script").doesNotContain("onclick").contains("word word");
        assertThat(summaries.html(r1)).isSameAs(first);
        SummaryRow r2 = new SummaryRow("yt:a", "comprehensive", null, null, "<p>second</p>", 2, T);
        assertThat(summaries.html(r2)).isEqualTo("<p>second</p>");
        SummaryRow remade = new SummaryRow("yt:a", "comprehensive", null, null, "<b>again</b>", 1, T.plusDays(1));
        assertThat(summaries.html(remade)).isEqualTo("<b>again</b>");
    }

    @Test
    void theCacheHoldsNoMoreThanItsBound() {
        SanitizedSummaries summaries = new SanitizedSummaries(new HtmlSanitizer(), 100);
        SummaryRow a = new SummaryRow("yt:a", "v", null, null, "<p>" + "a".repeat(80) + "</p>", 1, T);
        SummaryRow b = new SummaryRow("yt:b", "v", null, null, "<p>" + "b".repeat(80) + "</p>", 1, T);
        String first = summaries.html(a);
        summaries.html(b);
        assertThat(summaries.html(a)).isEqualTo(first).isNotSameAs(first);
    }
}
