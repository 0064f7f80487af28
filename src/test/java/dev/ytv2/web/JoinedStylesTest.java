package dev.ytv2.web;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class JoinedStylesTest {
    private static final String PAGE = """
            <head>
              <link rel="icon" href="{{ASSET_BASE}}/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="{{ASSET_BASE}}/app.css">
              <link rel="stylesheet" href="{{ASSET_BASE}}/cards.css">
              <link rel="stylesheet" href="{{ASSET_BASE}}/dialogs.css">
              <script src="{{ASSET_BASE}}/theme-boot.js"></script>
            </head>
            """;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePageLinksOneSheetWithEveryLinkedSheetInItsOrder() {
        Map<String, byte[]> files = Map.of("app.css", text(":root { --a: 1 }"), "cards.css", text(".card { color: red }"),
                "dialogs.css", text("dialog { margin: 0 }\n"), "unlinked.css", text(".x { color: blue }"));

        JoinedStyles.Joined joined = JoinedStyles.join(PAGE, files);

        assertThat(joined.html()).isEqualTo("""
                <head>
                  <link rel="icon" href="{{ASSET_BASE}}/favicon.svg" type="image/svg+xml">
                  <link rel="stylesheet" href="{{ASSET_BASE}}/styles.css">
                  <script src="{{ASSET_BASE}}/theme-boot.js"></script>
                </head>
                """);
        assertThat(new String(joined.css(), StandardCharsets.UTF_8)).isEqualTo("""
                /* app.css */
                :root { --a: 1 }
                /* cards.css */
                .card { color: red }
                /* dialogs.css */
                dialog { margin: 0 }

                """);
    }

    @Test
    void aLinkedSheetThatIsMissingStopsTheStartUpNamingIt() {
        assertThatThrownBy(() -> JoinedStyles.join(PAGE, Map.of("app.css", text(""), "cards.css", text(""))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dialogs.css");
    }
}
