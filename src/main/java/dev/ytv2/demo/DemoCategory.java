package dev.ytv2.demo;

import java.util.List;

/**
 * Everything the demo needs to write believable items about one subject. Titles and sentences are
 * templates: {topic} and {topic2} are two different entries of {@code topics}, {Topic} is {topic}
 * with a capital, {sub} a subcategory, {n} a small number, {year} a recent year and {who} the
 * source's voice (the presenter, the original poster, the author).
 */
record DemoCategory(
        String name,
        List<String> subcategories,
        List<String> topics,
        List<String> titles,
        List<String> threads,
        List<String> sentences,
        List<String> channels,
        List<String> subreddits,
        List<String> sites) {

    DemoCategory {
        for (List<String> list : List.of(subcategories, topics, titles, threads, sentences, channels, subreddits, sites)) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException(name + ": every vocabulary list needs at least one entry");
            }
        }
    }

    /** Lists are written as one string with '|' between entries, which keeps the tables readable. */
    static DemoCategory of(String name, String subs, String topics, String titles, String threads,
            String sentences, String channels, String subreddits, String sites) {
        return new DemoCategory(name, split(subs), split(topics), split(titles), split(threads),
                split(sentences), split(channels), split(subreddits), split(sites));
    }

    private static List<String> split(String joined) {
        return List.of(joined.split("\\s*\\|\\s*"));
    }
}
