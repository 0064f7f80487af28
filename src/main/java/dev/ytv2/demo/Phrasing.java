package dev.ytv2.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The facts one item's text is written from, and the template filling that uses them. Keeping the
 * facts fixed per item makes the title, summary and key topics talk about the same thing.
 */
record Phrasing(String topic, String topic2, String sub, String who, int n, int year) {

    static Phrasing pick(DemoCategory category, String sub, String who, int year, SplittableRandom rnd) {
        List<String> topics = category.topics();
        int a = rnd.nextInt(topics.size());
        int b = (a + 1 + rnd.nextInt(topics.size() - 1)) % topics.size();
        int[] small = {3, 5, 7, 10, 12, 20, 30, 45};
        return new Phrasing(topics.get(a), topics.get(b), sub, who, small[rnd.nextInt(small.length)], year);
    }

    /** Plain replace, not regex: templates contain '$' and the values contain apostrophes. */
    String fill(String template) {
        return template
                .replace("{Topic}", capitalise(topic))
                .replace("{topic}", topic)
                .replace("{topic2}", topic2)
                .replace("{sub}", sub)
                .replace("{who}", who)
                .replace("{n}", Integer.toString(n))
                .replace("{year}", Integer.toString(year));
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static <T> T oneOf(List<T> list, SplittableRandom rnd) {
        return list.get(rnd.nextInt(list.size()));
    }
}
