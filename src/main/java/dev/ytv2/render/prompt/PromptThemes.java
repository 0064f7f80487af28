package dev.ytv2.render.prompt;

import java.util.List;

/** The themed (A1) looks by category; the first whose words occur in a category wins. */
final class PromptThemes {
    private PromptThemes() {
    }

    static final PromptTheme GENERAL = new PromptTheme("general", List.of(),
            List.of("editorial illustration", "conceptual magazine cover art", "clean flat vector illustration"),
            List.of("balanced composition, soft natural light, harmonious muted palette",
                    "bold shapes, gentle gradients, generous negative space"));

    static final List<PromptTheme> ALL = List.of(
            new PromptTheme("ai", List.of("ai\\b", "artificial", "machine learning", "neural", "llm"),
                    List.of("luminous neural network visualization", "futuristic data sculpture", "glowing abstract circuitry landscape"),
                    List.of("deep indigo and electric cyan, volumetric light, high detail",
                            "soft holographic glow, dark background, crisp focus")),
            new PromptTheme("programming", List.of("programming", "software", "coding", "developer", "web dev"),
                    List.of("stylized developer workspace illustration", "isometric diagram of interlocking code blocks"),
                    List.of("dark theme colors with neon syntax accents, clean lines", "calm blue-grey palette, precise geometry")),
            new PromptTheme("technology", List.of("tech", "gadget", "computer", "hardware", "home lab", "electronics"),
                    List.of("clean isometric illustration", "sleek product-shot style 3D render"),
                    List.of("soft studio lighting, white and teal palette, crisp edges",
                            "gradient backdrop, subtle reflections, minimal and modern")),
            new PromptTheme("space", List.of("space", "astronom", "cosmos", "nasa", "rocket", "planet"),
                    List.of("cinematic deep-space vista", "retro-futurist space poster"),
                    List.of("nebula colors, starfield, dramatic rim light", "rich purples and golds, grand scale")),
            new PromptTheme("science", List.of("science", "physics", "chemistry", "biology", "research"),
                    List.of("detailed scientific illustration", "macro photograph of a laboratory scene"),
                    List.of("clean white background, precise labels-free diagrams, cool tones",
                            "shallow depth of field, glassware reflections, blue hour light")),
            new PromptTheme("cooking", List.of("cook", "food", "recipe", "baking", "kitchen", "cuisine"),
                    List.of("overhead food photography", "rustic still life food photograph"),
                    List.of("natural window light, wooden table, fresh ingredients, appetizing",
                            "warm tones, shallow depth of field, styled props")),
            new PromptTheme("travel", List.of("travel", "destination", "city guide", "tourism", "adventure"),
                    List.of("sweeping travel photograph", "vintage travel poster illustration"),
                    List.of("golden hour, vivid sky, sense of place", "flat bold colors, art deco framing")),
            new PromptTheme("music", List.of("music", "song", "album", "guitar", "concert", "band"),
                    List.of("moody concert photograph", "vibrant album cover artwork"),
                    List.of("stage lights, haze, saturated magenta and blue", "expressive shapes, rhythm in the composition")),
            new PromptTheme("gaming", List.of("gaming", "games?\\b", "esports", "nintendo", "playstation", "xbox"),
                    List.of("dynamic video game key art", "stylized low-poly 3D scene"),
                    List.of("dramatic lighting, saturated colors, sense of action", "playful palette, soft shadows")),
            new PromptTheme("finance", List.of("financ", "invest", "money", "econom", "market", "crypto", "business"),
                    List.of("sophisticated editorial illustration for a finance magazine", "minimal abstract-chart 3D render"),
                    List.of("navy and gold palette, clean geometry, calm confidence", "soft shadows, matte materials, subtle gradients")),
            new PromptTheme("health", List.of("health", "fitness", "medic", "nutrition", "wellness", "sleep"),
                    List.of("bright lifestyle photograph", "soft medical illustration"),
                    List.of("airy natural light, fresh greens and whites, optimistic", "gentle pastel palette, clean forms")),
            new PromptTheme("history", List.of("histor", "ancient", "wars?\\b", "archae"),
                    List.of("painterly historical scene", "aged archival photograph look"),
                    List.of("oil painting texture, warm umber tones, dramatic chiaroscuro", "sepia tones, film grain, documentary feel")),
            new PromptTheme("politics", List.of("politic", "government", "election", "policy", "law\\b"),
                    List.of("symbolic editorial illustration", "architectural photograph of a civic building"),
                    List.of("restrained palette, strong symbolism, clean composition", "overcast light, monumental perspective")),
            new PromptTheme("education", List.of("educat", "learning", "tutorial", "course", "explainer"),
                    List.of("friendly explainer illustration", "chalkboard-style concept sketch"),
                    List.of("bright primary accents, clear shapes, approachable", "hand-drawn texture, warm paper tones")),
            new PromptTheme("diy", List.of("diy", "maker", "craft", "woodwork", "3d print", "repair"),
                    List.of("workshop photograph of a project in progress", "exploded-view technical illustration"),
                    List.of("warm tungsten light, tools and sawdust, tactile detail", "blueprint blues, precise linework")),
            new PromptTheme("nature", List.of("nature", "environment", "climate", "wildlife", "garden", "ocean"),
                    List.of("majestic nature photograph", "lush botanical illustration"),
                    List.of("soft morning mist, rich greens, wide angle", "detailed linework with watercolor washes")),
            new PromptTheme("sports", List.of("sport", "football", "soccer", "basketball", "tennis", "running"),
                    List.of("high-speed sports photograph", "bold graphic sports poster"),
                    List.of("frozen motion, stadium lights, energetic", "diagonal composition, strong contrast")),
            new PromptTheme("film", List.of("film", "movie", "cinema", "tv\\b", "entertainment", "series"),
                    List.of("cinematic movie still", "classic illustrated film poster"),
                    List.of("anamorphic lighting, teal and orange grade, depth", "painted style, dramatic composition")),
            new PromptTheme("art", List.of("arts?\\b", "design", "photograph", "architect"),
                    List.of("gallery-quality fine art piece", "elegant architectural photograph"),
                    List.of("considered palette, strong form, museum lighting", "clean lines, natural light, symmetry")));

    static PromptTheme forCategories(List<String> categories, String subcategory) {
        for (String category : categories) {
            for (PromptTheme t : ALL) if (t.matches(category)) return t;
        }
        if (subcategory != null) {
            for (PromptTheme t : ALL) if (t.matches(subcategory)) return t;
        }
        return GENERAL;
    }
}
