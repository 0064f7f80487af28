package dev.ytv2;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
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

    private static final Path SOURCES = Path.of("src/main/java/dev/ytv2");
    private static final Path IMAGES = SOURCES.resolve("images");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");
    private static final Pattern WRITES_CONTENT = Pattern.compile("(?i)\\b(UPDATE\\s+content|INSERT\\s+INTO\\s+content)\\b");
    /** How code names an image key without spelling it: the key constants and the modes' key accessors. */
    private static final Pattern NAMES_IMAGE_KEYS = Pattern.compile(
            "\\bImageKeys\\.|\\.(promptKey|originalKey|lastUsedKey|selectedKey)\\(\\)");

    /**
     * The image document (the image keys of content.analysis_json and the summary_image_url column)
     * has one writer, images.ImageDocument: a statement writing content elsewhere may neither spell
     * an image key nor, when it writes analysis_json, sit in a class that names image keys to bind.
     */
    @Test
    void onlyTheImagesPackageWritesTheImageDocument() throws IOException {
        List<String> outside = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                (file.startsWith(IMAGES) ? inside : outside).addAll(imageDocumentWrites(file));
            }
        }
        assertThat(inside).as("the scan recognises the owner's own statements").hasSizeGreaterThanOrEqualTo(8);
        assertThat(outside).as("statements writing the image document outside the images package").isEmpty();
    }

    private static List<String> imageDocumentWrites(Path file) throws IOException {
        String source = Files.readString(file);
        boolean namesImageKeys = NAMES_IMAGE_KEYS.matcher(source).find();
        List<String> statements = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) statements.add(blocks.group(1));
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (strings.find()) statements.add(strings.group(1));
        List<String> writes = new ArrayList<>();
        for (String sql : statements) {
            if (!WRITES_CONTENT.matcher(sql).find()) continue;
            boolean spellsImageKey = sql.toLowerCase().contains("summary_image");
            boolean bindsImageKey = namesImageKeys && sql.toLowerCase().contains("analysis_json");
            if (spellsImageKey || bindsImageKey) writes.add(SOURCES.relativize(file) + ": " + sql.strip().lines().findFirst().orElse(""));
        }
        return writes;
    }
}
