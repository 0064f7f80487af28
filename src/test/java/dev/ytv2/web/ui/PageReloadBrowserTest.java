package dev.ytv2.web.ui;

import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Reloading the dashboard again and again keeps working: each page closes its event stream when
 * it goes away. Before that, streams of pages left behind held Chromium's six connections to the
 * host, and the sixth reload waited about fifty seconds for one to time out.
 */
@BrowserTest
class PageReloadBrowserTest {

    @Test
    void tenReloadsInARowEachLoadAndGoLive() {
        try (TestServer server = TestServer.start();
             Browser b = Browser.open(server.base)) {
            server.ingest(server.object().put("video_id", "yt:reload00001").put("title", "Reload me"));
            // A page normally loads in about a second; the stall this guards against lasted fifty. The
            // bound sits between: the first load of a cold browser and server on two cores once took 15.
            b.driver.manage().timeouts().pageLoadTimeout(java.time.Duration.ofSeconds(35));
            for (int i = 0; i < 10; i++) {
                b.go("/?q=reload" + (i % 2 == 0 ? "" : "+me"));
                b.waitUntil("page " + i + " is live", () -> "live".equals(
                        b.driver.findElement(By.id("live-status")).getAttribute("data-state")));
            }
        }
    }
}
