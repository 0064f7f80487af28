package dev.ytv2;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * The test groups README's "Running the tests" offers: every test is in exactly one of `unit`, `db` and
 * `browser`, Maven runs every test class, and a `unit` class starts no database, server or browser,
 * so `-Dgroups=unit` stays a run of seconds that needs nothing installed.
 */
@UnitTest
class TestTagsTest {
    private static final Set<String> GROUPS = Set.of("unit", "db", "browser");

    /** What starts a database, a server or a browser; a unit test must use none of it, directly or through a test helper. */
    private static final Set<String> STARTERS = Set.of(
            "dev.ytv2.support.TestServer", "dev.ytv2.support.TestDatabase", "dev.ytv2.support.StoppablePostgres",
            "dev.ytv2.support.ServerProcess", "dev.ytv2.web.ui.Browser", "dev.ytv2.web.ui.BrowserSession",
            "dev.ytv2.render.backend.FakeHttp", "dev.ytv2.db.Database", "dev.ytv2.app.Wiring", "io.javalin.Javalin",
            "com.sun.net.httpserver.HttpServer");
    private static final List<String> STARTER_PACKAGES = List.of("io.zonky.", "org.openqa.selenium.", "com.sun.net.httpserver.");

    private static Map<String, Set<String>> discovered;

    /** Test classes by name, with the groups of their tests, as the JUnit Platform (and so Maven) discovers them. */
    private static synchronized Map<String, Set<String>> groupsByClass() {
        if (discovered != null) return discovered;
        TestPlan plan = LauncherFactory.create().discover(
                LauncherDiscoveryRequestBuilder.request().selectors(selectPackage("dev.ytv2")).build());
        Map<String, Set<String>> byClass = new TreeMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (!(id.getSource().orElse(null) instanceof MethodSource method)) continue;
                String top = method.getClassName().replaceFirst("\\$.*", "");
                byClass.computeIfAbsent(top, k -> new TreeSet<>())
                        .add(id.getTags().stream().map(TestTag::getName).filter(GROUPS::contains).sorted()
                                .collect(Collectors.joining(",")));
            }
        }
        discovered = byClass;
        return byClass;
    }

    @Test
    void everyTestIsInExactlyOneGroup() {
        Map<String, Set<String>> byClass = groupsByClass();
        assertThat(byClass).as("test classes found").hasSizeGreaterThan(50);
        Map<String, Set<String>> wrong = new TreeMap<>(byClass);
        wrong.values().removeIf(groups -> groups.size() == 1 && GROUPS.contains(groups.iterator().next()));
        assertThat(wrong).as("classes whose tests are not each in exactly one of %s (mark the class @UnitTest, @DbTest or @BrowserTest)", GROUPS)
                .isEmpty();
    }

    @Test
    void mavenRunsEveryTestClass() {
        // surefire picks classes by name (see its includes in pom.xml); a test class named otherwise would never run
        List<String> missed = groupsByClass().keySet().stream()
                .filter(name -> !name.matches(".*\\.(Test[^.]*|[^.]*(Test|Tests|TestCase|Properties))")).toList();
        assertThat(missed).as("test classes whose names surefire's includes do not match").isEmpty();
    }

    @Test
    void aUnitTestStartsNoDatabaseServerOrBrowser() {
        // only the test classes themselves: the classes they use are named, not imported (which would
        // read half the class path and take half a minute)
        JavaClasses tests = ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("dev.ytv2");
        });
        List<String> violations = new ArrayList<>();
        int units = 0;
        for (JavaClass c : tests) {
            if (c.getEnclosingClass().isPresent() || !c.isAnnotatedWith(UnitTest.class)) continue;
            units++;
            violations.addAll(startersReachedFrom(c, tests));
        }
        assertThat(units).as("classes marked @UnitTest").isGreaterThan(5);
        assertThat(violations).isEmpty();
    }

    /** The starters the class uses: itself, its nested classes, and the test helpers they use, followed through test code. */
    private static List<String> startersReachedFrom(JavaClass unit, JavaClasses tests) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>();
        todo.add(unit);
        for (JavaClass c : tests) {
            if (c.getName().startsWith(unit.getName() + "$")) todo.add(c);
        }
        while (!todo.isEmpty()) {
            JavaClass c = todo.poll();
            if (!seen.add(c.getName())) continue;
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getName();
                if (STARTERS.contains(target) || STARTER_PACKAGES.stream().anyMatch(target::startsWith)) {
                    String use = unit.getSimpleName() + " (marked @UnitTest) uses " + target;
                    if (found.stream().noneMatch(f -> f.startsWith(use + ":"))) found.add(use + ": " + d.getDescription());
                } else if (tests.contain(target) && !seen.contains(target)) {
                    todo.add(tests.get(target));
                }
            }
        }
        return found;
    }
}
