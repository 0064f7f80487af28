package dev.ytv2.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against real parts: the embedded PostgreSQL, the real server on a free port, or a local
 * fake HTTP server standing in for an image or embedding backend.
 * It carries the tag `db` for both test engines: Jupiter reads only its own `@Tag`, jqwik only its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@org.junit.jupiter.api.Tag("db")
@net.jqwik.api.Tag("db")
public @interface DbTest {
}
