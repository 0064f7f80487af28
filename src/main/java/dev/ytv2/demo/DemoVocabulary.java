package dev.ytv2.demo;

import java.util.List;
import java.util.Map;

/** Words shared by every subject: per-source phrasing, languages, content types. */
final class DemoVocabulary {

    static final List<String> YOUTUBE_TITLES = List.of(
            "{Topic}, explained", "Everything you need to know about {topic}", "{Topic}: a deep dive",
            "The case against {topic}", "What nobody tells you about {topic}", "A beginner's guide to {topic}");

    static final List<String> WEB_TITLES = List.of(
            "{Topic}: what the evidence actually says", "The quiet rise of {topic}", "A field guide to {topic}",
            "Why {topic} is harder than it looks", "{n} lessons from a year of {topic}", "Notes on {topic}");

    static final List<String> REDDIT_THREADS = List.of(
            "Those of you into {topic}, what do you wish you knew earlier?", "PSA: {topic} is not what you think",
            "What's your unpopular opinion about {topic}?", "Weekly discussion: {topic}");

    /** Non-English items get a localised title; summaries stay English, as YTV2 writes them. */
    static final Map<String, List<String>> LOCAL_TITLES = Map.of(
            "de", List.of("{Topic} erklärt: Was wirklich dahintersteckt", "{Topic} im Test: {n} Tage später", "Warum {topic} unterschätzt wird"),
            "fr", List.of("{Topic} : ce qu'il faut vraiment savoir", "{Topic} expliqué en {n} minutes", "J'ai testé {topic} pendant {n} jours"),
            "es", List.of("{Topic}: todo lo que necesitas saber", "{Topic} explicado en {n} minutos", "La verdad sobre {topic}"),
            "ja", List.of("{Topic}を徹底解説", "{n}分でわかる{topic}", "{Topic}の本当のところ"));

    /** Weights in percent, in the order of {@link #LANGUAGE_CODES}. */
    static final List<String> LANGUAGE_CODES = List.of("en", "de", "fr", "es", "ja");
    static final List<Integer> LANGUAGE_WEIGHTS = List.of(80, 6, 5, 5, 4);

    static final List<String> CONTENT_TYPES = List.of(
            "Tutorial", "Review", "Discussion", "News", "Interview", "Explainer", "Opinion");

    static final List<String> SUMMARY_VARIANTS = List.of("comprehensive", "bullet-points", "key-insights", "executive");

    static final Map<String, List<String>> VOICES = Map.of(
            "youtube", List.of("the presenter", "the host", "the creator"),
            "reddit", List.of("the original poster", "the thread starter"),
            "web", List.of("the author", "the writer"));

    static final Map<String, List<String>> SOURCE_SENTENCES = Map.of(
            "youtube", List.of(
                    "Chapters make it easy to jump to the part on {topic2}.",
                    "The video is paced well and never pads the runtime.",
                    "On-screen diagrams do most of the explaining, with little jargon."),
            "reddit", List.of(
                    "The top comment, with over {n}00 upvotes, adds a useful counterpoint about {topic2}.",
                    "Replies are split: experienced members urge caution while newcomers are enthusiastic.",
                    "Several commenters share their own setups, which makes the thread a practical reference."),
            "web", List.of(
                    "The article links to its sources, including two peer-reviewed studies.",
                    "A sidebar compares {topic} with {topic2} in a compact table.",
                    "The piece is long but well structured, with a summary at the top."));

    static final List<String> ZONE_OFFSETS = List.of("Z", "+01:00", "+02:00", "-05:00", "-08:00", "+09:00", "+05:30", "-03:00");

    private DemoVocabulary() {}
}
