package dev.ytv2.content;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class ReportJsonTest {

    @Test
    void excerptsSkipHeadingLinesButKeepSentencesAndBullets() {
        String text = "Overview\nThe creator explains deliberate practice. It works.\n## Key points\n- Spaced repetition\nDone.";
        assertThat(ReportJson.withoutHeadings(text))
                .isEqualTo("The creator explains deliberate practice. It works. Spaced repetition Done.");
    }

    @Test
    void aTextThatIsOnlyAHeadingIsKept() {
        assertThat(ReportJson.withoutHeadings("Overview")).isEqualTo("Overview");
    }

    @Test
    void longExcerptsAreCutAtAWord() {
        String clipped = ReportJson.clip("word ".repeat(100).trim());
        assertThat(clipped).endsWith("…").hasSizeLessThanOrEqualTo(281);
        assertThat(clipped.replace("…", "")).endsWith("word");
    }
}
