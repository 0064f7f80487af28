package dev.ytv2.content;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void stripsScriptsEventHandlersAndScriptUrls() {
        String dirty = """
                <h3 onclick="steal()">Title</h3><script>alert(1)</script><p style="x" onmouseover=alert(2)>Body
                <a href="javascript:alert(3)">bad</a> <a href="https://example.com/ok">good</a>
                <img src=x onerror=alert(4)><iframe src="https://evil"></iframe><svg onload=alert(5)></svg></p>""";
        String clean = sanitizer.sanitize(dirty);
        assertThat(clean).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onmouseover").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("iframe")
                .doesNotContainIgnoringCase("onload").doesNotContainIgnoringCase("style=");
        assertThat(clean).contains("<h3>Title</h3>").contains("href=\"https://example.com/ok\"").contains("rel=\"");
    }

    @Test
    void keepsSummaryStructure() {
        String html = "<h3>Key points</h3><ul><li><strong>One</strong> and <em>two</em></li></ul><blockquote>q</blockquote>";
        assertThat(sanitizer.sanitize(html)).isEqualTo(html);
    }

    @Test
    void plainTextDropsTags() {
        assertThat(HtmlSanitizer.plainText("<p>A <b>bold</b>&amp; plain</p>")).isEqualTo("A bold & plain");
    }
}
