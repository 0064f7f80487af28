package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.render.RenderKit;
import dev.ytv2.render.RenderWorker;
import dev.ytv2.render.ScriptedBackend;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Manage Images dialog (README, Manage Images) in a real browser, against a server whose render
 * worker draws with the builtin renderer behind a gate the test can hold shut or make fail.
 */
@BrowserTest
class ManageImagesBrowserTest {
    static TestServer server;
    static RenderKit kit;
    static ScriptedBackend backend;
    static RenderWorker worker;
    static Browser browser;
    static Browser other; // a second window, opened by the tests that watch it
    static String og, a1Old, a1Mid, a1New, ai2Old, ai2New;
    static final String LONG_PROMPT = "an old stone lighthouse on a basalt cliff, storm clouds rolling in from the west, "
            + "gulls circling, warm light in the lamp room, a keeper climbing the spiral stair with a lantern, "
            + "waves breaking white on the rocks below, painted in loose gouache with a limited palette of slate and ochre";

    @BeforeAll
    static void start() {
        server = TestServer.start();
        kit = new RenderKit(server);
        backend = ScriptedBackend.aroundBuiltin();
        worker = kit.worker("ui-render", backend, RenderKit.fastEnv());
        og = UiLibrary.image(server, "m-og", Color.ORANGE);
        a1Old = UiLibrary.image(server, "m-a1-old", Color.RED);
        a1Mid = UiLibrary.image(server, "m-a1-mid", Color.GREEN);
        a1New = UiLibrary.image(server, "m-a1-new", Color.BLUE);
        ai2Old = UiLibrary.image(server, "m-ai2-old", Color.MAGENTA);
        ai2New = UiLibrary.image(server, "m-ai2-new", Color.CYAN);

        // The three default-prompt cases of the fallback rules.
        ObjectNode wanted = report("yt:prompt-wanted", "2025-03-01T00:00:00Z");
        UiLibrary.analysis(wanted).put("summary_image_prompt", "the wanted A1 prompt").put("summary_image_prompt_original", "the first A1 prompt")
                .put("summary_image_prompt_last_used", "last used A1").put("summary_image_ai2_prompt", "the wanted AI2 prompt")
                .put("summary_image_ai2_prompt_original", "the first AI2 prompt");
        UiLibrary.addVariant(wanted, a1Old, "ai1", "2025-01-01T00:00:00Z", false);
        UiLibrary.addVariant(wanted, ai2Old, "ai2", "2025-01-01T00:00:00Z", false);
        server.place(wanted);
        ObjectNode fromVariant = report("yt:prompt-variant", "2025-03-02T00:00:00Z");
        UiLibrary.analysis(fromVariant).put("summary_image_prompt_last_used", "last used A1");
        UiLibrary.addVariant(fromVariant, a1New, "ai1", "2025-01-03T00:00:00Z", false);
        UiLibrary.addVariant(fromVariant, a1Old, "ai1", "2025-01-01T00:00:00Z", false);
        UiLibrary.addVariant(fromVariant, ai2New, "ai2", "2025-01-02T00:00:00Z", false);
        UiLibrary.addVariant(fromVariant, ai2Old, "ai2", "2025-01-01T00:00:00Z", false);
        server.place(fromVariant);
        ObjectNode lastUsed = report("yt:prompt-lastused", "2025-03-03T00:00:00Z");
        UiLibrary.analysis(lastUsed).put("summary_image_prompt_last_used", "last used A1");
        server.place(lastUsed);

        ObjectNode loop = report("yt:loop", "2025-03-04T00:00:00Z");
        loop.put("thumbnail_url", og);
        UiLibrary.analysis(loop).put("summary_image_selected_url", a1Old);
        UiLibrary.addVariant(loop, a1Old, "ai1", "2025-01-01T00:00:00Z", false);
        server.place(loop);

        ObjectNode actions = report("yt:actions", "2025-03-05T00:00:00Z");
        actions.put("thumbnail_url", og);
        UiLibrary.analysis(actions).put("summary_image_selected_url", a1New);
        UiLibrary.addVariant(actions, a1Old, "ai1", "2025-01-01T00:00:00Z", false);
        UiLibrary.addVariant(actions, a1Mid, "ai1", "2025-01-02T00:00:00Z", false);
        UiLibrary.addVariant(actions, a1New, "ai1", "2025-01-03T00:00:00Z", false);
        ((ObjectNode) UiLibrary.analysis(actions).get("summary_image_variants").get(1)).put("prompt", LONG_PROMPT)
                .put("backend", "sdapi").put("model", "dreamshaper_8").put("seed", 31337).put("width", 1024).put("height", 576);
        server.place(actions);

        ObjectNode ai2 = report("yt:ai2", "2025-03-06T00:00:00Z");
        UiLibrary.analysis(ai2).put("summary_image_ai2_url", ai2New);
        UiLibrary.addVariant(ai2, ai2Old, "ai2", "2025-01-01T00:00:00Z", false);
        UiLibrary.addVariant(ai2, ai2New, "ai2", "2025-01-02T00:00:00Z", false);
        server.place(ai2);

        server.ingest(report("yt:failing", "2025-03-07T00:00:00Z"));

        ObjectNode all = report("yt:deleteall", "2025-03-08T00:00:00Z");
        all.put("thumbnail_url", og);
        UiLibrary.analysis(all).put("summary_image_selected_url", a1New).put("summary_image_ai2_url", ai2New);
        UiLibrary.addVariant(all, a1Old, "ai1", "2025-01-01T00:00:00Z", false);
        UiLibrary.addVariant(all, a1New, "ai1", "2025-01-02T00:00:00Z", false);
        UiLibrary.addVariant(all, ai2New, "ai2", "2025-01-02T00:00:00Z", false);
        server.place(all);

        browser = Browser.open(server.base);
        browser.signInAsAdmin(server);
    }

    static ObjectNode report(String id, String indexed) {
        return UiLibrary.report(server, id, "Card " + id.substring(3), "Keepers", "youtube", "History", indexed);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (other != null) other.close();
        if (worker != null) worker.close();
        server.close();
    }

    @BeforeEach
    void freshPage() {
        CountDownLatch held = backend.hold;
        if (held != null) held.countDown(); // a test that failed mid-render must not block the next one
        backend.hold = null;
        backend.failure = null;
        browser.go("/");
        browser.waitUntil("cards", () -> browser.cards().size() == 8);
    }

    /** The second window, signed in, live, in the given image mode. */
    static Browser secondWindow(String mode) {
        if (other == null) {
            other = Browser.open(server.base);
            other.signInAsAdmin(server);
        } else {
            other.go("/");
        }
        other.waitUntil("cards", () -> other.cards().size() == 8);
        other.waitUntil("live", () -> "live".equals(other.driver.findElement(By.id("live-status")).getAttribute("data-state")));
        other.pickImageMode(mode);
        return other;
    }

    static void escape(Browser b) {
        new Actions(b.driver).sendKeys(Keys.ESCAPE).perform();
    }

    @Test
    void theThemedImageHasOneNameInSettingsAndInTheDialog() {
        browser.driver.findElement(By.id("settings-open")).click();
        assertThat(texts("#settings #image-mode .segment")).containsExactly("OG", "A1", "AI2", "Rotate", "Default");
        escape(browser);
        browser.waitUntil("settings closed", () -> browser.driver.findElements(By.cssSelector("#settings[open]")).isEmpty());

        ManageDialog d = ManageDialog.open(browser, "yt:prompt-wanted");
        assertThat(texts("#manage [role=tab]")).containsExactly("A1", "AI2");
        // Read as the button's text, not its rendered text: getText() is "" while the dialog is still drawing in.
        d.waitFor("the regenerate button names A1", () -> "Regenerate A1".equals(
                d.find("[data-role=regenerate]").getDomProperty("textContent").trim()));
        assertThat(d.promptBox().getAttribute("aria-label")).isEqualTo("A1 prompt");
        assertThat(texts("#manage .manage-display .segment")).containsExactly("Global", "OG", "A1", "AI2");
        String everything = (String) browser.js("""
                const d = document.getElementById('manage');
                return d.textContent + ' ' + Array.from(d.querySelectorAll('[aria-label], [title], [placeholder]'))
                  .map((e) => [e.getAttribute('aria-label'), e.title, e.getAttribute('placeholder')].join(' ')).join(' ');""");
        assertThat(everything).doesNotContain("AI1");
        escape(browser);
    }

    private List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(e -> e.getDomProperty("textContent").trim()).toList();
    }

    @Test
    void thePromptBoxStartsFromTheWantedPromptThenTheLastVariantThenLastUsedAndCanGoBackToTheOriginal() {
        ManageDialog d = ManageDialog.open(browser, "yt:prompt-wanted");
        assertThat(d.prompt()).isEqualTo("the wanted A1 prompt");
        d.typePrompt("a scribble");
        d.click("[data-role=default-prompt]");
        assertThat(d.prompt()).isEqualTo("the first A1 prompt");
        d.tab("ai2");
        assertThat(d.prompt()).isEqualTo("the wanted AI2 prompt");
        d.click("[data-role=default-prompt]");
        assertThat(d.prompt()).isEqualTo("the first AI2 prompt");
        escape(browser);
        d.waitFor("Esc closes the dialog", () -> !d.isOpen());

        // no wanted prompt: the newest variant's (the list rows carry no prompts; the dialog reads the full report)
        ManageDialog v = ManageDialog.open(browser, "yt:prompt-variant");
        assertThat(v.prompt()).isEqualTo("a prompt for " + a1New);
        assertThat(v.findAll("[data-role=default-prompt]")).as("no original prompt, no button").isEmpty();
        v.tab("ai2");
        assertThat(v.prompt()).isEqualTo("a prompt for " + ai2New);
        escape(browser);
        browser.waitUntil("closed", () -> !v.isOpen());

        ManageDialog l = ManageDialog.open(browser, "yt:prompt-lastused");
        assertThat(l.prompt()).isEqualTo("last used A1");
        l.tab("ai2");
        assertThat(l.prompt()).isEmpty();
        assertThat(l.text(".variants .hint")).contains("No images yet");
        escape(browser);
    }

    @Test
    void regeneratingAi1ShowsRenderingAndTheQueuedNewerPromptThenSelectsTheNewImageEverywhere() {
        browser.pickImageMode("a1");
        assertThat(browser.shownImage("yt:loop")).isEqualTo("ai1 " + a1Old);
        secondWindow("a1");
        ManageDialog theirs = ManageDialog.open(other, "yt:loop");
        ManageDialog d = ManageDialog.open(browser, "yt:loop");
        backend.hold = new CountDownLatch(1);
        d.typePrompt("keeper at dawn");
        browser.waitUntil("double click Regenerate", () -> {
            new Actions(browser.driver).doubleClick(d.regenerateButton()).perform();
            return true;
        });

        d.waitFor("rendering", () -> d.jobStates().equals(List.of("running")));
        String first = d.text(".job-line[data-job-state=running] [data-role=elapsed]");
        assertThat(first).matches("\\d+ s");
        d.waitFor("the elapsed time ticks", () -> !d.text("[data-role=elapsed]").equals(first));
        assertThat(kit.events("yt:loop", "image-prompt-set")).as("a double click sends one request").hasSize(1);

        d.typePrompt("lamp at night");
        d.click("[data-role=regenerate]");
        d.waitFor("the newer prompt queued behind the render", () -> d.jobStates().equals(List.of("running", "queued")));
        assertThat(d.text(".job-line[data-job-state=queued]")).contains("newer prompt");
        theirs.waitFor("the other window sees the jobs", () -> theirs.jobStates().equals(List.of("running", "queued")));

        backend.hold.countDown();
        d.waitFor("done", () -> d.jobStates().equals(List.of("done")) && d.variants().size() == 3);
        assertThat(kit.events("yt:loop", "image-variant-added").stream().map(e -> e.payload().path("variant").path("prompt").asText()))
                .as("both prompts rendered, in order").containsExactly("keeper at dawn", "lamp at night");
        String newest = d.variants().get(0);
        assertThat(newest).startsWith("/exports/images/ai1/");
        assertThat(d.selected()).isEqualTo(newest);
        assertThat(d.text(".variant[data-url=\"" + newest + "\"] .variant-prompt")).isEqualTo("lamp at night");
        assertThat(d.text(".variant[data-url=\"" + newest + "\"] .variant-facts"))
                .contains("builtin", "builtin-prompt-v2", "seed ", "160×90", "just now");
        assertThat(d.variants().get(2)).isEqualTo(a1Old);
        assertThat(browser.shownImage("yt:loop")).as("the card behind the dialog").isEqualTo("ai1 " + newest);

        other.waitUntil("the other dialog lists it selected", () -> newest.equals(theirs.selected()));
        assertThat(other.shownImage("yt:loop")).isEqualTo("ai1 " + newest);

        // select the older one: both cards follow
        d.press(a1Old, "select-variant");
        browser.waitUntil("selected badge moves", () -> a1Old.equals(d.selected()));
        assertThat(browser.shownImage("yt:loop")).isEqualTo("ai1 " + a1Old);
        other.waitUntil("the other card follows", () -> other.shownImage("yt:loop").equals("ai1 " + a1Old));
        other.waitUntil("the other dialog follows", () -> a1Old.equals(theirs.selected()));

        // a reload and a change of image mode keep it
        browser.go("/");
        browser.waitUntil("cards", () -> browser.cards().size() == 8);
        assertThat(browser.shownImage("yt:loop")).isEqualTo("ai1 " + a1Old);
        browser.pickImageMode("og");
        assertThat(browser.shownImage("yt:loop")).isEqualTo("og " + og);
        browser.pickImageMode("a1");
        assertThat(browser.shownImage("yt:loop")).isEqualTo("ai1 " + a1Old);
    }

    @Test
    void variantsCanBeSelectedComparedReusedDeletedWithUndoAndRestoredWhileAnotherWindowWatches() {
        browser.pickImageMode("a1");
        secondWindow("a1");
        ManageDialog theirs = ManageDialog.open(other, "yt:actions");
        ManageDialog d = ManageDialog.open(browser, "yt:actions");
        assertThat(d.variants()).containsExactly(a1New, a1Mid, a1Old);
        assertThat(d.selected()).isEqualTo(a1New);
        assertThat(d.text(".variant[data-url=\"" + a1Mid + "\"] .variant-facts"))
                .startsWith("sdapi · dreamshaper_8 · seed 31337 · 1024×576 · ");

        // the long prompt is clipped, and expands
        int clamped = d.variant(a1Mid).findElement(By.cssSelector(".variant-prompt")).getSize().getHeight();
        assertThat(d.variant(a1New).findElements(By.cssSelector("[data-role=expand-prompt]"))).as("a short prompt has nothing to expand").isEmpty();
        d.press(a1Mid, "expand-prompt");
        d.waitFor("expanded", () -> d.variant(a1Mid).findElement(By.cssSelector(".variant-prompt")).getSize().getHeight() > clamped);
        assertThat(d.text(".variant[data-url=\"" + a1Mid + "\"] .variant-prompt")).isEqualTo(LONG_PROMPT);
        assertThat(d.text(".variant[data-url=\"" + a1Mid + "\"] [data-role=expand-prompt]")).isEqualTo("Show less");

        d.press(a1Mid, "use-prompt");
        assertThat(d.prompt()).isEqualTo(LONG_PROMPT);

        d.press(a1Old, "select-variant");
        browser.waitUntil("selected", () -> a1Old.equals(d.selected()));
        assertThat(browser.shownImage("yt:actions")).isEqualTo("ai1 " + a1Old);
        other.waitUntil("other dialog: selected", () -> a1Old.equals(theirs.selected()));
        other.waitUntil("other card follows", () -> other.shownImage("yt:actions").equals("ai1 " + a1Old));

        // compare two side by side
        d.press(a1Old, "compare");
        d.press(a1New, "compare");
        d.waitFor("compare shown", () -> d.findAll(".compare img").size() == 2);
        List<String> compared = d.findAll(".compare img").stream().map(i -> i.getAttribute("src").replace(server.base, "")).toList();
        assertThat(compared).containsExactlyInAnyOrder(a1Old, a1New);
        assertThat(d.find(".variant[data-url=\"" + a1Mid + "\"] [data-role=compare]").isEnabled()).as("two at most").isFalse();
        d.click(".compare-close");
        d.waitFor("compare closed", () -> d.findAll(".compare").isEmpty());

        // delete with Undo
        d.press(a1Mid, "delete-variant");
        d.waitFor("gone", () -> !d.variants().contains(a1Mid));
        theirs.waitFor("gone in the other window", () -> !theirs.variants().contains(a1Mid));
        WebElement undo = browser.driver.findElement(By.xpath("//div[contains(@class,'toast')][contains(., 'Image deleted')]//button[.='Undo']"));
        undo.click();
        d.waitFor("back after Undo", () -> d.variants().equals(List.of(a1New, a1Mid, a1Old)));
        theirs.waitFor("back in the other window", () -> theirs.variants().equals(List.of(a1New, a1Mid, a1Old)));

        // delete the selected one: the card takes the newest remaining; restore it from the Deleted view
        d.press(a1Old, "delete-variant");
        d.waitFor("deleted", () -> d.variants().equals(List.of(a1New, a1Mid)));
        assertThat(browser.shownImage("yt:actions")).isEqualTo("ai1 " + a1New);
        other.waitUntil("other card takes the replacement", () -> other.shownImage("yt:actions").equals("ai1 " + a1New));
        d.click("[data-role=toggle-deleted]");
        d.waitFor("deleted view", () -> d.variants().equals(List.of(a1Old)));
        assertThat(d.text(".variants-head h3")).isEqualToIgnoringCase("Deleted (1)");
        d.press(a1Old, "restore-variant");
        d.waitFor("nothing deleted", () -> d.variants().isEmpty());
        d.click("[data-role=toggle-deleted]");
        d.waitFor("restored", () -> d.variants().equals(List.of(a1New, a1Mid, a1Old)));
        theirs.waitFor("restored in the other window", () -> theirs.variants().equals(List.of(a1New, a1Mid, a1Old)));
        browser.go("/");
        browser.waitUntil("cards", () -> browser.cards().size() == 8);
        ManageDialog again = ManageDialog.open(browser, "yt:actions");
        assertThat(again.variants()).containsExactly(a1New, a1Mid, a1Old);
        assertThat(again.selected()).isEqualTo(browser.shownImage("yt:actions").substring(4));
    }

    @Test
    void theAi2TabRegeneratesAndAStarredVariantComesFirstInRotate() {
        browser.pickImageMode("ai2");
        assertThat(browser.shownImage("yt:ai2")).isEqualTo("ai2 " + ai2New);
        ManageDialog d = ManageDialog.open(browser, "yt:ai2");
        d.tab("ai2");
        assertThat(d.prompt()).isEqualTo("a prompt for " + ai2New);
        assertThat(d.variants()).containsExactly(ai2New, ai2Old);
        d.typePrompt("neon tide chart");
        d.click("[data-role=regenerate]");
        d.waitFor("done", () -> d.jobStates().equals(List.of("done")) && d.variants().size() == 3);
        String rendered = d.variants().get(0);
        assertThat(rendered).startsWith("/exports/images/ai2/");
        assertThat(d.selected()).isEqualTo(rendered);
        assertThat(browser.shownImage("yt:ai2")).isEqualTo("ai2 " + rendered);
        assertThat(d.findAll("#manage-tab-ai1[aria-selected=true]")).isEmpty();

        d.press(ai2Old, "star-variant");
        d.waitFor("starred", () -> d.starred(ai2Old));
        assertThat(d.variant(ai2Old).findElements(By.cssSelector(".starred-badge"))).hasSize(1);
        assertThat(d.starred(ai2New)).isFalse();
        escape(browser);
        d.waitFor("closed", () -> !d.isOpen());

        // Rotate walks [starred, then newest first]; wherever it starts, that is the cycle
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            browser.pickImageMode("rotate");
            seen.add(browser.shownImage("yt:ai2").substring(4));
        }
        int start = seen.indexOf(ai2Old);
        assertThat(start).as("the starred one is in the rotation: " + seen).isNotNegative();
        List<String> cycle = new ArrayList<>(seen.subList(start, 3));
        cycle.addAll(seen.subList(0, start));
        assertThat(cycle).containsExactly(ai2Old, rendered, ai2New);
    }

    @Test
    void aFailingBackendShowsTheErrorAndRetryRendersOnceItIsHealthy() {
        browser.pickImageMode("a1");
        backend.failure = "CUDA out of memory. Tried to allocate 2.00 GiB";
        ManageDialog d = ManageDialog.open(browser, "yt:failing");
        d.typePrompt("harbour fog");
        d.click("[data-role=regenerate]");
        d.waitFor("failed for good", () -> d.jobStates().equals(List.of("failed")));
        assertThat(d.text(".job-line[data-job-state=failed]")).contains("Rendering failed", "CUDA out of memory");
        assertThat(d.variants()).isEmpty();

        backend.failure = null;
        d.click(".job-line[data-job-state=failed] [data-role=retry-job]");
        d.waitFor("rendered after Retry", () -> d.jobStates().equals(List.of("done")) && d.variants().size() == 1);
        String rendered = d.variants().get(0);
        assertThat(d.selected()).isEqualTo(rendered);
        assertThat(browser.shownImage("yt:failing")).isEqualTo("ai1 " + rendered);
    }

    @Test
    void deleteAllAiImagesNamesHowManyGoAndTheCardFallsBackToItsThumbnail() {
        browser.pickImageMode("a1");
        assertThat(browser.shownImage("yt:deleteall")).isEqualTo("ai1 " + a1New);
        ManageDialog d = ManageDialog.open(browser, "yt:deleteall");
        d.click("[data-role=delete-all]");
        d.waitFor("the confirm names how many go", () -> d.find(".confirm p").getText().startsWith("Delete all 3 AI images of this card?"));
        WebElement confirm = d.find("[data-role=confirm-delete-all]");
        assertThat(confirm.getText()).isEqualTo("Delete 3 images");
        assertThat(browser.driver.switchTo().activeElement()).as("focus on the confirm").isEqualTo(confirm);
        d.click("[data-role=confirm-delete-all]");
        d.waitFor("no A1 variants", () -> d.variants().isEmpty() && d.findAll("[data-role=toggle-deleted]").size() == 1);
        d.tab("ai2");
        d.waitFor("no AI2 variants", () -> d.variants().isEmpty());
        assertThat(browser.shownImage("yt:deleteall")).isEqualTo("og " + og);
        d.click("[data-role=toggle-deleted]");
        d.waitFor("the deleted AI2 image is listed", () -> d.variants().equals(List.of(ai2New)));
    }

    @Test
    void onAPhoneTheDialogFitsKeepsFocusInsideEnlargesAnImageAndClosesOnEsc() {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.go("/");
            browser.waitUntil("cards", () -> browser.cards().size() == 8);
            ManageDialog d = ManageDialog.open(browser, "yt:prompt-variant");
            Number viewport = (Number) browser.js("return document.documentElement.clientWidth");
            assertThat(browser.driver.findElement(By.id("manage")).getRect().getWidth()).isLessThanOrEqualTo(viewport.intValue());
            assertThat((Boolean) browser.js("const b = document.querySelector('#manage .manage-body'); return b.scrollWidth <= b.clientWidth"))
                    .as("nothing sticks out sideways").isTrue();

            for (int i = 0; i < 25; i++) {
                new Actions(browser.driver).sendKeys(Keys.TAB).perform();
                assertThat((Boolean) browser.js("return document.querySelector('#manage').contains(document.activeElement)"))
                        .as("focus stays in the dialog after " + (i + 1) + " tabs").isTrue();
            }

            d.press(a1Old, "enlarge");
            d.waitFor("enlarged", () -> d.findAll("[data-role=lightbox] img").size() == 1);
            assertThat(d.find("[data-role=lightbox] img").getAttribute("src")).endsWith(a1Old);
            escape(browser);
            d.waitFor("Esc closes the enlarged image first", () -> d.findAll("[data-role=lightbox]").isEmpty());
            assertThat(d.isOpen()).isTrue();
            escape(browser);
            d.waitFor("then the dialog", () -> !d.isOpen());
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
    }

    @Test
    void aRegenerateGoesAheadOfBackgroundRendersAndTheDialogShowsItsPlaceInTheQueue() throws Exception {
        List<String> ids = List.of("yt:queue-busy", "yt:queue-later", "yt:queue-mine");
        for (String id : ids) server.ingest(report(id, "2025-04-02T00:00:00Z"));
        backend.hold = new CountDownLatch(1);
        try {
            // The worker is busy with background work, more waits behind it, and one person asked first.
            kit.background("yt:queue-busy", "ai1", "an automatic prompt being rendered");
            browser.waitUntil("the background render runs", () -> kit.events("yt:queue-busy", "image-job-started").size() == 1);
            kit.background("yt:queue-later", "ai1", "automatic, queued");
            kit.background("yt:queue-later", "ai2", "automatic too");
            server.adminPost("/api/set-image-prompt", server.object().put("video_id", "yt:queue-busy").put("mode", "ai2")
                    .put("prompt", "someone else's regenerate").toString());

            browser.go("/");
            browser.waitUntil("cards", () -> browser.cards().size() == 11);
            ManageDialog d = ManageDialog.open(browser, "yt:queue-mine");
            d.typePrompt("a lighthouse in fog at dawn, watercolor");
            d.click("[data-role=regenerate]");
            d.waitFor("queued with its place", () -> d.jobStates().equals(List.of("queued"))
                    && !d.text(".job-line[data-job-state=queued] [data-role=queue-place]").isEmpty());
            // Behind the other person's request only, not behind the two background renders.
            assertThat(d.text("[data-role=queue-place]")).matches("2nd in line( · about \\d+ s)?");
            String shots = System.getProperty("ytv2.screenshots");
            if (shots != null) {
                Files.write(Files.createDirectories(Path.of(shots)).resolve("manage-queue-place.png"),
                        browser.driver.getScreenshotAs(OutputType.BYTES));
            }

            backend.hold.countDown();
            d.waitFor("done", () -> d.jobStates().equals(List.of("done")));
            browser.waitUntil("the background renders finish too", () -> kit.events("yt:queue-later", "image-variant-added").size() == 2);
            var mine = kit.events("yt:queue-mine", "image-job-started").get(0).at();
            assertThat(kit.events("yt:queue-later", "image-job-started")).allSatisfy(e -> assertThat(e.at()).isAfter(mine));
        } finally {
            backend.hold.countDown();
            escape(browser);
            for (String id : ids) server.delete("/api/reports/" + id, "Authorization", "Bearer " + TestServer.ADMIN);
        }
    }

    /** Not a check: the dialog in both tabs, themes and widths, for people to look at (-Dytv2.screenshots=DIR). */
    @Test
    @EnabledIfSystemProperty(named = "ytv2.screenshots", matches = ".+")
    void screenshotsOfTheDialog() throws Exception {
        Path out = Files.createDirectories(Path.of(System.getProperty("ytv2.screenshots")));
        String id = "yt:shots";
        ObjectNode r = UiLibrary.report(server, id, "The last lighthouse keepers of the North Sea", "Coastal Histories", "youtube",
                "History", "2025-04-01T00:00:00Z");
        r.put("thumbnail_url", og);
        server.place(r);
        String[][] prompts = {
                {"ai1", "A weathered red-and-white lighthouse on a rocky North Sea island at dusk, keeper's cottage, clean isometric illustration"},
                {"ai1", "Interior of a lighthouse lamp room, brass Fresnel lens glowing, keeper's logbook on the desk, warm editorial illustration"},
                {"ai2", "Dreamlike tide of ink and light, a lone beam sweeping over a sea of paper boats"},
                {"ai2", "Abstract storm of teal and amber, a tiny lit window holding steady"}};
        int done = 0;
        for (String[] p : prompts) {
            server.adminPost("/api/set-image-prompt", server.object().put("video_id", id).put("mode", p[0]).put("prompt", p[1]).toString());
            int expected = ++done;
            browser.waitUntil("rendered " + expected, () -> kit.events(id, "image-variant-added").size() == expected);
        }
        String starred = kit.events(id, "image-variant-added").get(2).payload().path("variant").path("url").asText();
        server.adminPost("/api/star-image-variant", server.object().put("video_id", id).put("url", starred).put("starred", true).toString());
        backend.hold = new CountDownLatch(1);
        server.adminPost("/api/set-image-prompt", server.object().put("video_id", id).put("mode", "ai1")
                .put("prompt", "The lighthouse at first light, gulls, soft watercolour").toString());
        try {
            for (String theme : new String[]{"light", "dark"}) {
                for (int width : new int[]{390, 1440}) {
                    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, width < 600 ? 844 : 900));
                    browser.js("localStorage.setItem('ytv2.theme', arguments[0])", theme);
                    browser.go("/");
                    browser.waitUntil("cards", () -> browser.cards().size() == 9);
                    browser.pickImageMode("a1");
                    ManageDialog d = ManageDialog.open(browser, id);
                    for (String mode : new String[]{"ai1", "ai2"}) {
                        d.tab(mode);
                        d.waitFor("thumbnails loaded", () -> Boolean.TRUE.equals(browser.js(
                                "return Array.from(document.querySelectorAll('#manage .variant img')).every(i => i.complete && i.naturalWidth > 0)")));
                        browser.js("document.activeElement.blur()");
                        Files.write(out.resolve("manage-" + mode + "-" + theme + "-" + width + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
                    }
                    escape(browser);
                }
            }
        } finally {
            backend.hold.countDown();
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
            browser.js("localStorage.removeItem('ytv2.theme')");
            server.delete("/api/reports/" + id, "Authorization", "Bearer " + TestServer.ADMIN);
        }
    }
}
