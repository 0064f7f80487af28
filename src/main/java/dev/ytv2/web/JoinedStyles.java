package dev.ytv2.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index page's style sheets served as one file. A browser opens six connections to a host over
 * HTTP/1.1, and every style sheet blocks the page's scripts: seven small sheets took more than a
 * round of those connections before the first module could be fetched. The sheets stay separate
 * files in the source, listed in the page in their order; the server joins them at start-up.
 */
final class JoinedStyles {
    /** The joined file's name among the static files. */
    static final String NAME = "styles.css";

    private static final Pattern SHEET = Pattern.compile("[ \\t]*<link rel=\"stylesheet\" href=\"\\{\\{ASSET_BASE}}/([\\w-]+\\.css)\">\\R");

    /** The page with its sheets' links replaced by one to {@link #NAME}, and that file. */
    record Joined(String html, byte[] css) {
    }

    private JoinedStyles() {
    }

    static Joined join(String html, Map<String, byte[]> files) {
        if (files.containsKey(NAME)) throw new IllegalStateException("A static file may not be called " + NAME + ": the joined style sheets are.");
        List<String> sheets = new ArrayList<>();
        Matcher m = SHEET.matcher(html);
        StringBuilder page = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(page, sheets.isEmpty() ? "  <link rel=\"stylesheet\" href=\"{{ASSET_BASE}}/" + NAME + "\">\n" : "");
            sheets.add(m.group(1));
        }
        m.appendTail(page);
        ByteArrayOutputStream css = new ByteArrayOutputStream();
        for (String sheet : sheets) {
            byte[] bytes = files.get(sheet);
            if (bytes == null) throw new IllegalStateException("The page links a style sheet it does not have: " + sheet);
            // Each sheet keeps its own comments and rules; a new line keeps a last rule without one apart.
            css.writeBytes(("/* " + sheet + " */\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            css.writeBytes(bytes);
            css.write('\n');
        }
        return new Joined(page.toString(), css.toByteArray());
    }
}
