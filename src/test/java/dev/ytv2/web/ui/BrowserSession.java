package dev.ytv2.web.ui;

import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * A server seeded once for a test class and a fresh browser for each of its tests:
 * {@code @RegisterExtension static final BrowserSession session = new BrowserSession(MyTest::seed);}
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Consumer<TestServer> seed;
    private TestServer server;
    private Browser browser;

    BrowserSession(Consumer<TestServer> seed) {
        this.seed = seed;
    }

    TestServer server() {
        return server;
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start();
        seed.accept(server);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser = Browser.open(server.base);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) browser.close();
        browser = null;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) server.close();
    }
}
