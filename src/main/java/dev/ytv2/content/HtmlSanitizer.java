package dev.ytv2.content;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * Summary HTML is stored as given and cleaned on the way out to a fixed allow-list: text structure
 * and http(s)/mailto links only; no scripts, handlers, styles, frames or `javascript:` URLs.
 */
public final class HtmlSanitizer {
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "b",
                    "em", "i", "u", "s", "blockquote", "code", "pre", "span", "div", "sup", "sub", "mark",
                    "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "small")
            .allowElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").globally()
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .allowAttributes("target").matching(false, "_blank").onElements("a")
            .toFactory();

    public String sanitize(String html) {
        if (html == null) return null;
        return POLICY.sanitize(html);
    }

    /** Text of an HTML fragment, for excerpts when a summary has no plain text. */
    public static String plainText(String html) {
        if (html == null) return null;
        return TAGS.matcher(html).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").trim();
    }
}
