package dev.ytv2.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.UnitTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class DemoLibraryTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int COUNT = 200;

    @TempDir
    static Path shared;
    static List<ObjectNode> library;

    @BeforeAll
    static void generateOnce() {
        System.setProperty("java.awt.headless", "true");
        long start = System.nanoTime();
        library = new DemoLibrary(CLOCK).generate(COUNT, 42, shared.resolve("images"), shared.resolve("audio"));
        System.out.printf("demo generate(%d): %.2f s%n", COUNT, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void theSameSeedGivesTheSameLibraryAndFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        List<ObjectNode> first = new DemoLibrary(CLOCK).generate(30, 7, a.resolve("images"), a.resolve("audio"));
        List<ObjectNode> second = new DemoLibrary(CLOCK).generate(30, 7, b.resolve("images"), b.resolve("audio"));

        assertThat(second).isEqualTo(first);
        for (JsonNode item : first) {
            if (item.has("thumbnail_url")) {
                String file = fileName(item.get("thumbnail_url").asText());
                assertThat(Files.readAllBytes(b.resolve("images/demo").resolve(file)))
                        .isEqualTo(Files.readAllBytes(a.resolve("images/demo").resolve(file)));
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentLibraries(@TempDir Path dir) {
        List<ObjectNode> other = new DemoLibrary(CLOCK).generate(20, 43, dir.resolve("images"), dir.resolve("audio"));

        assertThat(other.stream().map(n -> n.get("title").asText()).toList())
                .isNotEqualTo(library.subList(0, 20).stream().map(n -> n.get("title").asText()).toList());
    }

    @Test
    void theSourceMixIsMostlyYoutubeThenRedditAndWeb() {
        Map<String, Long> counts = new HashMap<>();
        library.forEach(n -> counts.merge(n.get("content_source").asText(), 1L, Long::sum));

        assertThat(counts).containsOnlyKeys("youtube", "reddit", "web");
        assertThat(share("youtube", counts)).isBetween(0.48, 0.72);
        assertThat(share("reddit", counts)).isBetween(0.10, 0.30);
        assertThat(share("web", counts)).isBetween(0.10, 0.30);
    }

    @Test
    void everyPayloadHasTheRequiredFieldsShapedForItsSource() {
        for (JsonNode n : library) {
            String id = n.get("video_id").asText();
            String url = n.get("canonical_url").asText();
            assertThat(n.get("title").asText()).as(id).isNotBlank();
            assertThat(n.get("channel_name").asText()).as(id).isNotBlank();
            assertThat(n.get("language").asText()).as(id).isIn("en", "de", "fr", "es", "ja");
            switch (n.get("content_source").asText()) {
                case "youtube" -> {
                    assertThat(id).matches("yt:[A-Za-z0-9_-]{11}");
                    assertThat(url).isEqualTo("https://www.youtube.com/watch?v=" + id.substring(3));
                    assertThat(n.get("duration_seconds").asInt()).isBetween(180, 5400);
                }
                case "reddit" -> {
                    assertThat(id).matches("reddit:[a-z0-9]{6}");
                    assertThat(url).startsWith("https://www.reddit.com/r/").contains("/comments/" + id.substring(7) + "/");
                    assertThat(n.get("channel_name").asText()).startsWith("r/");
                    assertThat(n.get("duration_seconds").isNull()).isTrue();
                }
                default -> {
                    assertThat(id).matches("web:[0-9a-f]{16}");
                    assertThat(url).startsWith("https://");
                    assertThat(n.get("duration_seconds").isNull()).isTrue();
                }
            }
            OffsetDateTime published = OffsetDateTime.parse(n.get("published_at").asText());
            OffsetDateTime indexed = OffsetDateTime.parse(n.get("indexed_at").asText());
            assertThat(published.toInstant()).isBetween(NOW.minus(Duration.ofDays(731)), NOW);
            assertThat(indexed.toInstant()).isBetween(published.toInstant(), NOW);
        }
    }

    @Test
    void analysisCarriesCategoriesTopicsAndContentType() {
        Set<String> categories = new HashSet<>();
        for (JsonNode n : library) {
            JsonNode a = n.get("analysis_json");
            assertThat(a.get("category").size()).isBetween(1, 2);
            a.get("category").forEach(c -> categories.add(c.asText()));
            assertThat(a.get("subcategory").asText()).isNotBlank();
            assertThat(a.get("content_type").asText())
                    .isIn("Tutorial", "Review", "Discussion", "News", "Interview", "Explainer", "Opinion");
            assertThat(a.get("key_topics").size()).isBetween(3, 6);
            assertThat(a.get("language").asText()).isEqualTo(n.get("language").asText());
            assertThat(n.get("subcategories_json").has(a.get("category").get(0).asText())).isTrue();
            assertThat(n.get("topics_json").isArray()).isTrue();
        }
        assertThat(categories).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void aSecondCategoryIsACloseNeighbourOfTheFirst() {
        Set<String> pairs = new HashSet<>();
        for (JsonNode n : library) {
            JsonNode c = n.get("analysis_json").get("category");
            if (c.size() == 2) pairs.add(c.get(0).asText() + " + " + c.get(1).asText());
        }
        assertThat(pairs).isNotEmpty().doesNotContain("Politics + Space", "Travel + AI & Machine Learning", "Cooking + Space",
                "Gaming + Politics", "Health + Finance");
        // Every pair the demo makes is one of the neighbours listed for its first category.
        for (String pair : pairs) {
            String[] two = pair.split(" \\+ ");
            assertThat(DemoCategories.COMPANIONS.get(two[0])).as(pair).contains(two[1]);
            assertThat(two[1]).as(pair).isNotEqualTo(two[0]);
        }
        long withTwo = library.stream().filter(n -> n.get("analysis_json").get("category").size() == 2).count();
        assertThat(withTwo).isBetween(COUNT / 6L, COUNT / 2L);
    }

    @Test
    void idsAreUnique() {
        assertThat(library.stream().map(n -> n.get("video_id").asText()).distinct()).hasSize(COUNT);
    }

    @Test
    void summariesAreRealLookingHtmlWithMatchingTextAndNoScript() {
        for (JsonNode n : library) {
            JsonNode variants = n.get("summary_variants");
            boolean audio = n.has("media");
            assertThat(variants.size()).isBetween(1, audio ? 5 : 4);
            for (JsonNode v : variants) {
                assertThat(v.get("variant").asText()).isIn("comprehensive", "bullet-points", "key-insights", "executive", "audio");
                String html = v.get("html").asText();
                String text = v.get("text").asText();
                assertThat(html).matches("(?s)<(h3|p|ul)>.*").doesNotContainIgnoringCase("<script").doesNotContainPattern("\\son\\w+=");
                assertThat(text).hasSizeGreaterThan(120).doesNotContain("<", ">", "{topic", "{n}");
            }
        }
        assertThat(library).anyMatch(hasHtml("<a href=\"https://"));
        assertThat(library).anyMatch(hasHtml("<strong>"));
        assertThat(library).anyMatch(hasHtml("<em>"));
    }

    @Test
    void aboutOneInTenHasNoThumbnailAndTheRestExistAndDecode() throws IOException {
        int missing = 0;
        for (JsonNode n : library) {
            if (!n.has("thumbnail_url")) {
                missing++;
                continue;
            }
            String url = n.get("thumbnail_url").asText();
            assertThat(url).startsWith("/exports/images/demo/").endsWith(".png");
            BufferedImage img = ImageIO.read(shared.resolve("images/demo").resolve(fileName(url)).toFile());
            assertThat(img).as(url).isNotNull();
            assertThat(img.getWidth()).isEqualTo(480);
            assertThat(img.getHeight()).isEqualTo(270);
        }
        assertThat(missing).isBetween(COUNT / 25, COUNT / 6);
    }

    @Test
    void aboutOneInFourHasAudioAsARealWav() throws IOException {
        int withAudio = 0;
        for (JsonNode n : library) {
            if (!n.has("media")) {
                continue;
            }
            withAudio++;
            JsonNode media = n.get("media");
            assertThat(media.get("has_audio").asBoolean()).isTrue();
            String url = media.get("audio_url").asText();
            assertThat(url).startsWith("/exports/audio/").endsWith(".wav");
            byte[] wav = Files.readAllBytes(shared.resolve("audio").resolve(fileName(url)));
            ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(b.getInt(4)).isEqualTo(wav.length - 8);
            assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
            assertThat(b.getShort(20)).as("PCM").isEqualTo((short) 1);
            assertThat(b.getShort(22)).as("mono").isEqualTo((short) 1);
            assertThat(b.getInt(24)).isEqualTo(22_050);
            assertThat(b.getShort(34)).as("bits").isEqualTo((short) 16);
            int dataBytes = b.getInt(40);
            assertThat(dataBytes).isEqualTo(wav.length - 44);
            assertThat(dataBytes / 2.0 / 22_050).isCloseTo(media.get("audio_duration_seconds").asDouble(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(media.get("audio_duration_seconds").asDouble()).isBetween(1.5, 4.0);
            assertThat(n.get("summary_variants").findValuesAsText("variant")).contains("audio");
        }
        assertThat(withAudio).isBetween(COUNT / 6, COUNT / 3);
    }

    @Test
    void mostItemsAreEnglishWithSomeInOtherLanguages() {
        Map<String, Long> counts = new HashMap<>();
        library.forEach(n -> counts.merge(n.get("language").asText(), 1L, Long::sum));

        assertThat(share("en", counts)).isBetween(0.7, 0.92);
        assertThat(counts.keySet()).hasSizeGreaterThanOrEqualTo(4);
    }

    private static Predicate<JsonNode> hasHtml(String fragment) {
        return n -> n.get("summary_variants").findValuesAsText("html").stream().anyMatch(h -> h.contains(fragment));
    }

    private static double share(String key, Map<String, Long> counts) {
        return counts.getOrDefault(key, 0L) / (double) COUNT;
    }

    private static String fileName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
