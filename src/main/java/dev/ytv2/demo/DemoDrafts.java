package dev.ytv2.demo;

import static dev.ytv2.demo.Phrasing.oneOf;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Decides what one demo item is about and where it comes from: source, subjects, language, id,
 * title, channel, URL and dates. Nothing is written to disk here.
 */
final class DemoDrafts {

    /** One item's decided facts, from which the payload, summaries and files are made. */
    record Draft(DemoItem item, List<DemoCategory> categories, List<String> subcategories, Phrasing facts,
            String contentType, List<String> keyTopics) {}

    private static final int HISTORY_DAYS = 730;

    private final Instant anchor;
    private final Set<String> usedIds = new LinkedHashSet<>();

    /** {@code anchor} is "now" for the demo: every date falls in the two years before it. */
    DemoDrafts(Instant anchor) {
        this.anchor = anchor;
    }

    Draft next(SplittableRandom rnd) {
        int roll = rnd.nextInt(100);
        String source = roll < 60 ? "youtube" : roll < 80 ? "reddit" : "web";
        List<DemoCategory> categories = categories(rnd);
        DemoCategory main = categories.get(0);
        List<String> subs = categories.stream().map(c -> oneOf(c.subcategories(), rnd)).toList();
        OffsetDateTime published = published(rnd);
        String language = "reddit".equals(source) ? "en" : language(rnd);
        Phrasing facts = Phrasing.pick(main, subs.get(0), oneOf(DemoVocabulary.VOICES.get(source), rnd),
                published.getYear(), rnd);

        String title;
        String channel;
        String url;
        String id;
        Integer duration = null;
        switch (source) {
            case "youtube" -> {
                title = facts.fill(oneOf(titleTemplates(language, main.titles(), DemoVocabulary.YOUTUBE_TITLES, rnd), rnd));
                channel = oneOf(main.channels(), rnd);
                String yt = unique("yt:", () -> DemoIds.youtubeId(rnd));
                id = yt;
                url = "https://www.youtube.com/watch?v=" + yt.substring(3);
                duration = 180 + (int) (5220 * Math.pow(rnd.nextDouble(), 2));
            }
            case "reddit" -> {
                String subreddit = oneOf(main.subreddits(), rnd);
                String thread = facts.fill(oneOf(rnd.nextInt(100) < 65 ? main.threads() : DemoVocabulary.REDDIT_THREADS, rnd));
                title = "r/" + subreddit + ": " + thread;
                channel = "r/" + subreddit;
                id = unique("reddit:", () -> DemoIds.redditId(rnd));
                url = "https://www.reddit.com/r/" + subreddit + "/comments/" + id.substring(7) + "/"
                        + DemoIds.slug(thread, '_', 60) + "/";
            }
            default -> {
                title = facts.fill(oneOf(titleTemplates(language, main.titles(), DemoVocabulary.WEB_TITLES, rnd), rnd));
                channel = oneOf(main.sites(), rnd);
                String base = "https://" + DemoIds.slug(channel, '-', 40) + ".example.com/"
                        + published.getYear() + "/" + String.format("%02d", published.getMonthValue()) + "/"
                        + DemoIds.slug(title, '-', 70);
                String candidate = base;
                for (int n = 2; usedIds.contains("web:" + DemoIds.webHash(candidate)); n++) {
                    candidate = base + "-" + n;
                }
                url = candidate;
                id = "web:" + DemoIds.webHash(url);
                usedIds.add(id);
            }
        }
        DemoItem item = new DemoItem(id, id.replace(':', '-'), source, title, channel, url, duration,
                published, indexed(published, rnd), language);
        return new Draft(item, categories, subs, facts, contentType(source, rnd), keyTopics(main, facts, rnd));
    }

    private String unique(String prefix, java.util.function.Supplier<String> id) {
        String candidate = prefix + id.get();
        while (!usedIds.add(candidate)) {
            candidate = prefix + id.get();
        }
        return candidate;
    }

    /** Most items have one subject; about a third have a second, a close neighbour of the first. */
    private static List<DemoCategory> categories(SplittableRandom rnd) {
        List<DemoCategory> all = DemoCategories.ALL;
        DemoCategory main = all.get(rnd.nextInt(all.size()));
        if (rnd.nextInt(100) >= 30) {
            return List.of(main);
        }
        return List.of(main, DemoCategories.named(oneOf(DemoCategories.COMPANIONS.get(main.name()), rnd)));
    }

    private static List<String> titleTemplates(String language, List<String> own, List<String> generic, SplittableRandom rnd) {
        if (!"en".equals(language)) {
            return DemoVocabulary.LOCAL_TITLES.get(language);
        }
        return rnd.nextInt(100) < 60 ? own : generic;
    }

    private static String language(SplittableRandom rnd) {
        int roll = rnd.nextInt(100);
        for (int i = 0; i < DemoVocabulary.LANGUAGE_CODES.size(); i++) {
            roll -= DemoVocabulary.LANGUAGE_WEIGHTS.get(i);
            if (roll < 0) {
                return DemoVocabulary.LANGUAGE_CODES.get(i);
            }
        }
        return "en";
    }

    private static String contentType(String source, SplittableRandom rnd) {
        if ("reddit".equals(source) && rnd.nextInt(100) < 70) {
            return "Discussion";
        }
        return oneOf(DemoVocabulary.CONTENT_TYPES, rnd);
    }

    private static List<String> keyTopics(DemoCategory main, Phrasing facts, SplittableRandom rnd) {
        Set<String> topics = new LinkedHashSet<>(List.of(facts.topic(), facts.topic2()));
        int want = 3 + rnd.nextInt(4);
        List<String> pool = new ArrayList<>(main.topics());
        while (topics.size() < want && topics.size() < pool.size()) {
            topics.add(pool.get(rnd.nextInt(pool.size())));
        }
        return List.copyOf(topics);
    }

    /** Recent items are more common than old ones, as in any library that is in use. */
    private OffsetDateTime published(SplittableRandom rnd) {
        double age = HISTORY_DAYS * Math.pow(rnd.nextDouble(), 1.5);
        Instant at = anchor.minus(Duration.ofSeconds((long) (age * 86_400))).truncatedTo(ChronoUnit.SECONDS);
        ZoneOffset offset = ZoneOffset.of(oneOf(DemoVocabulary.ZONE_OFFSETS, rnd));
        return at.atOffset(offset);
    }

    /** Indexed between half an hour and two weeks after publication, but never in the future. */
    private OffsetDateTime indexed(OffsetDateTime published, SplittableRandom rnd) {
        Instant at = published.toInstant().plusSeconds(1800 + (long) (rnd.nextDouble() * 14 * 86_400));
        return (at.isAfter(anchor) ? anchor : at).atOffset(ZoneOffset.UTC);
    }
}
