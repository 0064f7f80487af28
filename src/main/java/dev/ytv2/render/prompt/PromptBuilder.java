package dev.ytv2.render.prompt;

import dev.ytv2.images.ImageMode;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Prompts for items that have none. A1 is "themed": a look chosen by the item's category, about its
 * title, headline and key topics. AI2 is "freestyle": a looser artistic take on the same facts.
 * Every varying choice is seeded from the item id, so an item always gets the same prompts.
 */
public final class PromptBuilder {
    private static final List<String> MEDIUMS = List.of("watercolor painting", "linocut print", "risograph poster",
            "oil painting with thick impasto", "paper cut-out collage", "double exposure photograph", "surreal 3D render",
            "ink wash painting", "stained glass window", "isometric pixel art", "Bauhaus-inspired poster",
            "long exposure photograph", "chalk pastel drawing", "art nouveau illustration");
    private static final List<String> VISIONS = List.of("a symbolic scene", "a surreal landscape", "an abstract composition",
            "a quiet visual metaphor", "a bold visual metaphor", "a dreamlike still life");
    private static final List<String> MOODS = List.of("dreamlike", "serene", "playful", "mysterious", "hopeful",
            "melancholic", "energetic", "whimsical");
    private static final List<String> LIGHTS = List.of("golden hour light", "soft fog", "neon glow", "moonlit blues",
            "dappled sunlight", "studio rim light", "pastel dawn");

    /** A prompt and the template it came from (recorded on the variant). */
    public record Built(String prompt, String template) {
    }

    public Built themed(PromptFacts f) {
        PromptTheme theme = PromptThemes.forCategories(f.categories(), f.subcategory());
        SplittableRandom rnd = random(f.videoId(), ImageMode.AI1.wire());
        StringBuilder p = new StringBuilder(pick(rnd, theme.looks())).append(" of ").append(clip(clean(f.title()), 120));
        String headline = clip(clean(f.headline()), 160);
        if (!headline.isEmpty()) p.append(": ").append(headline.replaceAll("[.!?]+$", ""));
        List<String> topics = f.topics().stream().map(PromptBuilder::clean).filter(t -> !t.isEmpty()).limit(4).toList();
        if (!topics.isEmpty()) p.append(". Featuring ").append(String.join(", ", topics));
        p.append(". ").append(pick(rnd, theme.finishes())).append(", no text, no lettering");
        return new Built(p.toString(), "themed:" + theme.key());
    }

    public Built freestyle(PromptFacts f) {
        SplittableRandom rnd = random(f.videoId(), ImageMode.AI2.wire());
        List<String> topics = f.topics().stream().map(PromptBuilder::clean).filter(t -> !t.isEmpty()).limit(3).toList();
        String about = topics.isEmpty() ? clip(clean(f.title()), 100) : String.join(" and ", topics);
        String prompt = pick(rnd, MEDIUMS) + ", " + pick(rnd, VISIONS) + " inspired by " + about + ", "
                + pick(rnd, MOODS) + " mood, " + pick(rnd, LIGHTS) + ", expressive, artistic, no text";
        return new Built(prompt, "freestyle");
    }

    /** The first sentence of a summary, as plain text; heading lines ("Overview", "## Key points") are skipped. */
    public static String headline(String summary) {
        if (summary == null) return "";
        String body = summary.lines().map(l -> l.strip().replaceFirst("^([-*+•]|\\d+[.)])\\s+", ""))
                .filter(l -> !l.startsWith("#") && (l.split("\\s+").length >= 6 || l.matches(".*[.!?]$")))
                .collect(java.util.stream.Collectors.joining(" "));
        String text = clean(body.isBlank() ? summary : body);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.{20,}?[.!?])(\\s|$)").matcher(text);
        return clip(m.find() ? m.group(1) : text, 160);
    }

    private static SplittableRandom random(String videoId, String salt) {
        long h = 0xcbf29ce484222325L;
        for (char c : (videoId + "|" + salt).toCharArray()) h = (h ^ c) * 0x100000001b3L;
        return new SplittableRandom(h);
    }

    private static String pick(SplittableRandom rnd, List<String> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    /** Markdown marks, quotes and line breaks out: they only confuse image models. */
    static String clean(String s) {
        if (s == null) return "";
        return s.replaceAll("[#*_`>\"\\[\\]|]", " ").replaceAll("\\s+", " ").strip();
    }

    private static String clip(String s, int max) {
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max);
        return s.substring(0, cut > max / 2 ? cut : max).strip();
    }
}
