package dev.ytv2.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that drives the real dashboard in headless Chromium through Selenium (it needs
 * `/usr/bin/chromium` and `/usr/bin/chromedriver`).
 * It carries the tag `browser` for both test engines: Jupiter reads only its own `@Tag`, jqwik only its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@org.junit.jupiter.api.Tag("browser")
@net.jqwik.api.Tag("browser")
public @interface BrowserTest {
}
