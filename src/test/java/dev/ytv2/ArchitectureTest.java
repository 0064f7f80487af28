package dev.ytv2;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package layering docs/ARCHITECTURE.md describes, checked on the compiled product classes. */
@UnitTest
class ArchitectureTest {
    // The rules read only the packages of what the product uses, so the libraries it uses are named,
    // not imported from the class path (which takes several times longer than the rules).
    private static final JavaClasses PRODUCT = ArchConfiguration.withThreadLocalScope(config -> {
        config.setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ytv2");
    });

    /** Every features package, below the route table, the wiring and the benchmarks. */
    private static final String[] FEATURES = {"dev.ytv2.content..", "dev.ytv2.images..", "dev.ytv2.render..",
            "dev.ytv2.jobs..", "dev.ytv2.events..", "dev.ytv2.files..", "dev.ytv2.semantic..", "dev.ytv2.demo..",
            "dev.ytv2.db..", "dev.ytv2.http..", "dev.ytv2.errors.."};

    @Test
    void packagesFormADag() {
        // each package its own slice, so render and render.backend may not lean on each other either
        slices().matching("dev.ytv2.(**)").should().beFreeOfCycles().check(PRODUCT);
    }

    @Test
    void featuresKnowNeitherTheRouteTableNorTheWiringNorTheBenchmarks() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage("dev.ytv2.web..", "dev.ytv2.app..", "dev.ytv2.bench..", "dev.ytv2")
                .check(PRODUCT);
    }

    @Test
    void onlyTheEntryPointUsesTheBenchmarks() {
        noClasses().that().resideOutsideOfPackages("dev.ytv2.bench..", "dev.ytv2")
                .should().dependOnClassesThat().resideInAPackage("dev.ytv2.bench..")
                .check(PRODUCT);
    }

    @Test
    void httpPlumbingIsALeaf() {
        classes().that().resideInAPackage("dev.ytv2.http..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("dev.ytv2..")
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.ytv2.http..", "dev.ytv2.errors..")
                .check(PRODUCT);
        noClasses().that().resideInAPackage("dev.ytv2.http..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ytv2.content..", "dev.ytv2.images..",
                        "dev.ytv2.render..", "dev.ytv2.jobs..", "dev.ytv2.events..", "dev.ytv2.files..", "dev.ytv2.semantic..",
                        "dev.ytv2.demo..", "dev.ytv2.db..", "dev.ytv2.web..", "dev.ytv2.app..", "dev.ytv2.bench..")
                .check(PRODUCT);
        noClasses().that().resideInAPackage("dev.ytv2.errors..")
                .should().dependOnClassesThat().resideInAPackage("dev.ytv2..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("dev.ytv2.errors..", "java..")
                .check(PRODUCT);
    }

    /** They refuse with {@code errors.Refusal}; they may read JSON fields, but never answer HTTP. */
    @Test
    void storesAndParsersDoNotKnowHttp() {
        noClasses().that().haveSimpleNameEndingWith("Store").or().haveSimpleNameEndingWith("Writer")
                .or().haveSimpleNameEndingWith("Payload").or().haveSimpleNameEndingWith("Index")
                .or().resideInAnyPackage("dev.ytv2.jobs..", "dev.ytv2.db..", "dev.ytv2.errors..")
                .should().dependOnClassesThat().belongToAnyOf(dev.ytv2.http.ApiError.class, dev.ytv2.http.Json.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .check(PRODUCT);
    }
}
