package dev.ytv2.web.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;
import java.util.function.Supplier;

/** The Manage Images dialog as a user sees it, for the browser tests. Every lookup is made afresh: the dialog re-renders. */
final class ManageDialog {
    private final Browser b;

    private ManageDialog(Browser b) {
        this.b = b;
    }

    /** Opens the dialog from the card's menu, and waits for the full report to be loaded into it. */
    static ManageDialog open(Browser b, String videoId) {
        WebElement menu = b.card(videoId).findElement(By.cssSelector(".card-menu"));
        b.js("arguments[0].scrollIntoView({block: 'center'})", menu);
        menu.click();
        b.driver.findElement(By.cssSelector(".menu [data-role=manage-images]")).click();
        ManageDialog d = new ManageDialog(b);
        b.waitUntil("manage images open and loaded", () -> d.isOpen()
                && !b.driver.findElements(By.cssSelector("#manage textarea:not([disabled])")).isEmpty());
        return d;
    }

    boolean isOpen() {
        return !b.driver.findElements(By.cssSelector("#manage[open]")).isEmpty();
    }

    WebElement find(String css) {
        return b.driver.findElement(By.cssSelector("#manage " + css));
    }

    List<WebElement> findAll(String css) {
        return b.driver.findElements(By.cssSelector("#manage " + css));
    }

    void tab(String mode) {
        click("#manage-tab-" + mode);
        waitFor(mode + " tab", () -> "true".equals(find("#manage-tab-" + mode).getAttribute("aria-selected")));
    }

    WebElement promptBox() {
        return find(".manage-prompt textarea");
    }

    String prompt() {
        return promptBox().getDomProperty("value");
    }

    /** Types into the prompt box as a user does; a live update re-rendering the dialog meanwhile must keep focus and text. */
    void typePrompt(String text) {
        b.waitUntil("the prompt box takes focus", () -> {
            promptBox().click();
            return true;
        });
        new Actions(b.driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE).sendKeys(text).perform();
        waitFor("the prompt box holds what was typed", () -> text.equals(prompt()));
    }

    /** Browser.waitUntil, telling on timeout what the dialog showed. */
    void waitFor(String what, Supplier<Boolean> condition) {
        try {
            b.waitUntil(what, condition);
        } catch (TimeoutException e) {
            Object shown = b.js("const d = document.querySelector('#manage'); return d && d.open ? d.innerText : '(closed)'");
            throw new AssertionError(what + "; the dialog showed:\n" + shown, e);
        }
    }

    WebElement regenerateButton() {
        return find("[data-role=regenerate]");
    }

    /**
     * The text of an element of the dialog as a person sees it, read again if a re-render replaced it
     * meanwhile. Read once it is displayed: while the dialog fades in, WebDriver's rendered text is "".
     */
    String text(String css) {
        String[] out = new String[1];
        b.waitUntil("read " + css, () -> {
            WebElement e = find(css);
            if (!e.isDisplayed()) return false;
            out[0] = e.getText();
            return true;
        });
        return out[0];
    }

    /** Clicks a control of the dialog; one replaced by a re-render before the click landed is looked up again. */
    void click(String css) {
        b.waitUntil("click " + css, () -> {
            find(css).click();
            return true;
        });
    }

    /** The state of each job line shown (queued, running, done, failed), top to bottom. */
    List<String> jobStates() {
        return findAll(".job-line").stream().map(e -> e.getAttribute("data-job-state")).toList();
    }

    /** The variants shown, newest first, by URL. */
    List<String> variants() {
        return findAll(".variant").stream().map(e -> e.getAttribute("data-url")).toList();
    }

    WebElement variant(String url) {
        return find(".variant[data-url=\"" + url + "\"]");
    }

    /** The URL of the row carrying the "Selected" badge, or null. */
    String selected() {
        List<WebElement> rows = findAll(".variant");
        List<String> withBadge = rows.stream().filter(r -> !r.findElements(By.cssSelector(".selected-badge")).isEmpty())
                .map(r -> r.getAttribute("data-url")).toList();
        return withBadge.isEmpty() ? null : withBadge.get(0);
    }

    /** Presses a control of one variant row by its role (select-variant, star-variant, delete-variant, use-prompt, enlarge, restore-variant). */
    void press(String url, String role) {
        b.js("arguments[0].scrollIntoView({block: 'center'})", variant(url).findElement(By.cssSelector("[data-role=" + role + "]")));
        b.waitUntil(role + " enabled", () -> {
            WebElement fresh = variant(url).findElement(By.cssSelector("[data-role=" + role + "]"));
            if (!fresh.isEnabled()) return false;
            fresh.click();
            return true;
        });
    }

    boolean starred(String url) {
        return "true".equals(variant(url).findElement(By.cssSelector("[data-role=star-variant]")).getAttribute("aria-pressed"));
    }

    /** Waits until no action of the dialog is in flight (its buttons are enabled again). */
    void settle() {
        waitFor("dialog settled", () -> findAll(".variant [data-role=star-variant][disabled]").isEmpty()
                && !findAll("[data-role=regenerate]:not([disabled])").isEmpty());
    }
}
