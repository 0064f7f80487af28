package dev.ytv2.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that starts no database, no server and no browser, so the fast tests can run alone
 * (`mvn -B -o test -Dgroups=unit`, in seconds); `TestTagsTest` checks that a class marked so uses
 * none of the parts that start one.
 * It carries the tag `unit` for both test engines: Jupiter reads only its own `@Tag`, jqwik only its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@org.junit.jupiter.api.Tag("unit")
@net.jqwik.api.Tag("unit")
public @interface UnitTest {
}
