package dev.ytv2.render.prompt;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class PromptBuilderTest {
    final PromptBuilder builder = new PromptBuilder();

    static PromptFacts facts(String id, String category) {
        return new PromptFacts(id, "How \"tiny\" **homelabs** run everything", List.of(category), null,
                PromptBuilder.headline("# Summary\nA small rack of used servers can replace most cloud services. It also costs less."),
                List.of("proxmox", "ceph", "backups", "power", "noise"));
    }

    @Test
    void theSameItemAlwaysGetsTheSamePrompts() {
        assertThat(builder.themed(facts("yt:a1", "Technology"))).isEqualTo(builder.themed(facts("yt:a1", "Technology")));
        assertThat(builder.freestyle(facts("yt:a1", "Technology"))).isEqualTo(builder.freestyle(facts("yt:a1", "Technology")));
    }

    @Test
    void aThemedPromptHasItsCategorysLookAndTheItemsTitleHeadlineAndTopics() {
        PromptBuilder.Built tech = builder.themed(facts("yt:a1", "Technology"));
        assertThat(tech.template()).isEqualTo("themed:technology");
        assertThat(tech.prompt()).containsAnyOf("isometric illustration", "product-shot style 3D render")
                .contains("How tiny homelabs run everything")
                .contains("A small rack of used servers can replace most cloud services")
                .doesNotContain("It also costs less")
                .contains("Featuring proxmox, ceph, backups, power")
                .doesNotContain("noise")
                .doesNotContain("\"").doesNotContain("**").doesNotContain("#")
                .endsWith("no text, no lettering");
        assertThat(builder.themed(facts("yt:a1", "Cooking")).prompt()).containsAnyOf("overhead food photography", "rustic still life");
        assertThat(builder.themed(facts("yt:a1", "AI & Machine Learning")).template()).isEqualTo("themed:ai");
        assertThat(builder.themed(facts("yt:a1", "Thai Food Cooking")).template()).as("'ai' only as a word").isEqualTo("themed:cooking");
        assertThat(builder.themed(facts("yt:a1", "Knitting")).template()).isEqualTo("themed:general");
    }

    @Test
    void atLeastADozenCategoriesHaveALookOfTheirOwn() {
        List<String> categories = List.of("Technology", "Programming", "AI & Machine Learning", "Science", "Space", "Cooking",
                "Travel", "Music", "Gaming", "Finance", "Health", "History", "Politics", "Education", "DIY & Makers",
                "Nature", "Sports", "Film & TV", "Art & Design");
        Set<String> templates = new HashSet<>();
        Set<String> looks = new HashSet<>();
        for (String c : categories) {
            PromptBuilder.Built b = builder.themed(facts("yt:x", c));
            templates.add(b.template());
            looks.add(b.prompt().substring(0, b.prompt().indexOf(" of ")));
        }
        assertThat(templates).hasSize(categories.size()).doesNotContain("themed:general");
        assertThat(looks.size()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aFreestylePromptIsLooserAndVariesFromItemToItem() {
        PromptBuilder.Built free = builder.freestyle(facts("yt:a1", "Technology"));
        assertThat(free.template()).isEqualTo("freestyle");
        assertThat(free.prompt()).contains("inspired by proxmox and ceph and backups").endsWith("no text")
                .isNotEqualTo(builder.themed(facts("yt:a1", "Technology")).prompt());
        Set<String> prompts = new HashSet<>();
        for (int i = 0; i < 20; i++) prompts.add(builder.freestyle(facts("yt:item" + i, "Technology")).prompt());
        assertThat(prompts.size()).isGreaterThan(10);
    }

    @Test
    void theHeadlineIsTheFirstSentenceAfterAnyHeadings() {
        assertThat(PromptBuilder.headline("Overview\n\nThe creator plans a week in Lisbon on foot. It costs 200 euros a day."))
                .isEqualTo("The creator plans a week in Lisbon on foot.");
        assertThat(PromptBuilder.headline("## Key points\n- **Trams** beat taxis for short hops across the old town\n- Cheap"))
                .isEqualTo("Trams beat taxis for short hops across the old town");
        assertThat(PromptBuilder.headline("Short")).isEqualTo("Short");
    }

    @Test
    void withoutTopicsOrSummaryTheTitleCarriesThePrompt() {
        PromptFacts bare = new PromptFacts("web:1", "Why bridges sing", List.of(), null, PromptBuilder.headline(null), List.of());
        assertThat(builder.themed(bare).prompt()).contains("of Why bridges sing.").doesNotContain("Featuring");
        assertThat(builder.freestyle(bare).prompt()).contains("inspired by Why bridges sing");
    }
}
