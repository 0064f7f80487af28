package dev.ytv2.demo;

import java.util.List;

/**
 * Writes one summary twice at once, as HTML and as the plain text that goes with it, so the two
 * can never drift apart. Every value is escaped here; callers pass plain text only.
 */
final class SummaryDoc {

    /** A list entry: an optional bold lead-in, the body, an optional aside set in italics. */
    record Item(String lead, String body, String aside) {
        static Item plain(String body) {
            return new Item(null, body, null);
        }
    }

    private final StringBuilder html = new StringBuilder();
    private final StringBuilder text = new StringBuilder();

    SummaryDoc heading(String title) {
        html.append("<h3>").append(escape(title)).append("</h3>\n");
        text.append(title).append("\n\n");
        return this;
    }

    SummaryDoc paragraph(String body) {
        html.append("<p>").append(escape(body)).append("</p>\n");
        text.append(body).append("\n\n");
        return this;
    }

    /** A paragraph ending in a link, the way summaries point back to their source. */
    SummaryDoc paragraphWithLink(String body, String label, String href) {
        html.append("<p>").append(escape(body)).append(' ')
                .append("<a href=\"").append(escape(href)).append("\">").append(escape(label)).append("</a>.</p>\n");
        text.append(body).append(' ').append(label).append(".\n\n");
        return this;
    }

    SummaryDoc boldLead(String lead, String body) {
        html.append("<p><strong>").append(escape(lead)).append("</strong> ").append(escape(body)).append("</p>\n");
        text.append(lead).append(' ').append(body).append("\n\n");
        return this;
    }

    SummaryDoc list(List<Item> items) {
        html.append("<ul>\n");
        for (Item item : items) {
            html.append("  <li>");
            text.append("- ");
            if (item.lead() != null) {
                html.append("<strong>").append(escape(item.lead())).append("</strong> ");
                text.append(item.lead()).append(' ');
            }
            html.append(escape(item.body()));
            text.append(item.body());
            if (item.aside() != null) {
                html.append(" <em>").append(escape(item.aside())).append("</em>");
                text.append(' ').append(item.aside());
            }
            html.append("</li>\n");
            text.append('\n');
        }
        html.append("</ul>\n");
        text.append('\n');
        return this;
    }

    String html() {
        return html.toString().strip();
    }

    String text() {
        return text.toString().strip();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
