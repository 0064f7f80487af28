package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of stored-XSS payloads in every text field, URL field, JSON document and summary HTML,
 * ingested through the API and opened in Chromium: the wall in every image mode, the reader with
 * every tab, the settings, and Manage images. A payload that runs sets `window.__xss` or the title.
 * CSP would block most of them anyway, so the page also records every CSP violation from the first
 * byte on: a violation of script-src means a payload reached the DOM as markup, which fails too.
 * Every URL in the corpus points at loopback or nowhere, so the browser never leaves the machine.
 */
@BrowserTest
class XssCorpusBrowserTest {
    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss='script'</script>",
            "<img src=x onerror=\"window.__xss='img'\">",
            "\"><img src=x onerror=window.__xss='attr-break'>",
            "'><svg onload=window.__xss='svg'>",
            "<iframe srcdoc=\"<script>parent.__xss='srcdoc'</script>\"></iframe>",
            "<a href=\"javascript:window.__xss='href'\">x</a>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='mxss'\">",
            "<details open ontoggle=\"window.__xss='details'\">",
            "<noscript><p title=\"</noscript><img src=x onerror=window.__xss='noscript'>\">",
            "<object data=\"javascript:window.__xss='object'\"></object><embed src=\"javascript:window.__xss='embed'\">",
            "<base href=\"javascript:/\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:document.title='pwned'\">",
            "<form action=\"javascript:window.__xss='form'\"><button id=go>go</button></form>",
            "<img src=\"x\" onerror=\"document.title='pwned'\">",
            "{{constructor.constructor('window.__xss=\"template\"')()}}");
    static final List<String> URLS = List.of(
            "javascript:window.__xss='url'", "data:text/html,<script>window.__xss='data'</script>",
            "http://127.0.0.1:9/\"><img src=x onerror=window.__xss='url-break'>", "/exports/images/x.png\" onerror=\"window.__xss='exp'",
            " javascript:window.__xss='spaced'", "jAvAsCrIpT:window.__xss='case'", "vbscript:msgbox(1)");
    static final String RECORDER = """
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(
                e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));""";
    static TestServer server;
    static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = PAYLOADS.get(i);
            String url = URLS.get(i % URLS.size());
            String id = "yt:xsscorp" + String.format("%03d", i);
            ObjectNode r = UiLibrary.report(server, id, p + " title " + i, p, "youtube", p, "2025-01-0" + (1 + i % 9) + "T00:00:00Z");
            r.put("language", "en");
            ObjectNode a = UiLibrary.analysis(r);
            a.put("subcategory", p).put("content_type", p).put("language", p);
            a.putArray("key_topics").add(p).add(url);
            for (String key : List.of("summary_image_prompt", "summary_image_prompt_last_used", "summary_image_prompt_original",
                    "summary_image_ai2_prompt", "summary_image_ai2_prompt_last_used", "summary_image_ai2_prompt_original")) {
                a.put(key, p);
            }
            a.put("summary_image_selected_url", url).put("summary_image_ai2_url", url).put("summary_image_display_mode", p);
            ArrayNode variants = a.putArray("summary_image_variants");
            for (String mode : List.of("ai1", "ai2")) {
                variants.addObject().put("id", p).put("url", url).put("image_mode", mode).put("prompt", p).put("model", p)
                        .put("backend", p).put("template", p).put("prompt_source", p).put("seed", p).put("created_at", p)
                        .put("starred", true);
            }
            r.putObject("subcategories_json").putArray(p).add(p);
            r.putArray("topics_json").add(p);
            r.putObject("media").put("has_audio", true).put("audio_url", url);
            r.putObject("media_metadata").put("title", p).put("uploader", p);
            ArrayNode summaries = (ArrayNode) r.get("summary_variants");
            ((ObjectNode) summaries.get(0)).put("summary_type", clip(p)).put("text", p).put("html", "<p>Safe text</p>" + p);
            ((ObjectNode) summaries.get(1)).put("html", p + "<ul><li>" + p + "</li></ul>");
            summaries.addObject().put("variant", "key-insights").put("summary_type", clip(p)).put("text", p).put("html", p);
            server.ingest(r);
            // Ingest refuses script URLs, so those go straight into the table, as an external writer could put them.
            rawUrls(id, url);
            ids.add(id);
        }
    }

    static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    /** URL columns written directly, as an external worker sharing the database might, bypassing ingest checks. */
    static void rawUrls(String id, String url) {
        server.running.database().jdbi().useHandle(h -> h.createUpdate(
                        "UPDATE content SET canonical_url = :u, thumbnail_url = :u, summary_image_url = :u WHERE video_id = :id")
                .bind("u", url).bind("id", id).execute());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noStoredPayloadRunsAnywhereInTheDashboard() {
        try (Browser b = Browser.open(server.base)) {
            b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
            b.go("/");
            b.waitUntil("every card", () -> b.cards().size() == PAYLOADS.size());
            for (String mode : new String[] {"og", "a1", "ai2", "rotate", "rotate", "default"}) {
                b.pickImageMode(mode);
                assertClean(b, "wall in mode " + mode);
            }
            for (String id : ids) {
                b.go("/?report=" + id.replace(":", "%3A"));
                b.waitUntil("reader of " + id, () -> b.driver.findElements(By.cssSelector("#reader[open] .summary-body")).size() == 1);
                assertThat(b.driver.findElements(By.cssSelector("#reader [role=tab]"))).as("tabs of " + id).hasSize(3);
                // The reader redraws once the session is known: each tab is looked up afresh.
                for (int i = 0; i < 3; i++) {
                    int index = i;
                    String[] name = new String[1];
                    b.waitUntil("click tab " + i + " of " + id, () -> {
                        WebElement tab = b.driver.findElements(By.cssSelector("#reader [role=tab]")).get(index);
                        tab.click();
                        name[0] = tab.getText();
                        return true;
                    });
                    assertClean(b, "reader tab " + name[0] + " of " + id);
                }
            }
            b.go("/");
            b.waitUntil("cards again", () -> b.cards().size() == PAYLOADS.size());
            b.driver.findElement(By.id("settings-open")).click();
            assertClean(b, "settings");
            signIn(b);
            for (String id : ids.subList(0, 4)) {
                ManageDialog dialog = ManageDialog.open(b, id);
                // The dialog re-renders on every update: the dialog helper looks each tab up afresh.
                for (String mode : List.of("ai1", "ai2")) {
                    dialog.tab(mode);
                    assertClean(b, "manage images " + mode + " of " + id);
                }
                b.js("document.querySelector('#manage').close()");
            }
        }
    }

    private static void signIn(Browser b) {
        b.signInAsAdmin(server);
        b.waitUntil("cards signed in", () -> b.cards().size() == PAYLOADS.size());
    }

    @SuppressWarnings("unchecked")
    private static void assertClean(Browser b, String where) {
        b.js("return new Promise(r => setTimeout(r, 150))");
        assertThat(b.js("return window.__xss === undefined ? null : String(window.__xss)")).as(where + ": a payload ran").isNull();
        assertThat(b.driver.getTitle()).as(where).isNotEqualTo("pwned");
        List<String> violations = (List<String>) b.js("return window.__violations || []");
        assertThat(violations).as(where + ": markup from a payload reached the page").noneMatch(v -> v.startsWith("script-src")
                || v.startsWith("object-src") || v.startsWith("frame-src") || v.startsWith("base-uri") || v.startsWith("form-action"));
        Object injected = b.js("""
                const bad = [];
                for (const el of document.querySelectorAll('body *')) {
                  if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META'].includes(el.tagName)) bad.push(el.tagName);
                  for (const a of el.attributes) {
                    const v = a.value.trim().toLowerCase();
                    if (a.name.startsWith('on')) bad.push(el.tagName + '@' + a.name);
                    if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(a.name)
                        && (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html'))) bad.push(el.tagName + '@' + a.name + '=' + v);
                  }
                }
                return bad;""");
        assertThat((List<String>) injected).as(where + ": dangerous markup in the DOM").isEmpty();
    }
}
