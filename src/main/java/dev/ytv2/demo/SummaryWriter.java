package dev.ytv2.demo;

import dev.ytv2.images.Variant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Composes the summary variants of one item from its category's sentence templates, so the text
 * reads like a real summary and search has words to find. Each variant has the shape YTV2 stores.
 */
final class SummaryWriter {

    record Variant(String variant, String summaryType, String text, String html) {}

    private static final List<String> INSIGHT_LEADS = List.of(
            "The core idea:", "The surprise:", "The trade-off:", "The practical step:", "The open question:");

    private SummaryWriter() {}

    static List<Variant> write(DemoItem item, DemoCategory category, Phrasing facts, boolean audio, SplittableRandom rnd) {
        List<String> sentences = sentences(item.source(), category, facts, rnd);
        List<String> kinds = new ArrayList<>(DemoVocabulary.SUMMARY_VARIANTS);
        List<String> chosen = new ArrayList<>();
        chosen.add(rnd.nextInt(100) < 85 ? kinds.remove(0) : kinds.remove(1));
        int extra = rnd.nextInt(4);
        for (int i = 0; i < extra && !kinds.isEmpty(); i++) {
            chosen.add(kinds.remove(rnd.nextInt(kinds.size())));
        }
        if (audio) {
            chosen.add("audio");
        }
        List<Variant> out = new ArrayList<>();
        for (String kind : chosen) {
            SummaryDoc doc = switch (kind) {
                case "comprehensive" -> comprehensive(item, facts, sentences);
                case "bullet-points" -> new SummaryDoc().list(sentences.stream().limit(6).map(SummaryDoc.Item::plain).toList());
                case "key-insights" -> keyInsights(item, sentences, rnd);
                case "executive" -> executive(sentences);
                default -> audioScript(item, sentences);
            };
            out.add(new Variant(kind, kind, doc.text(), doc.html()));
        }
        return out;
    }

    private static List<String> sentences(String source, DemoCategory category, Phrasing facts, SplittableRandom rnd) {
        List<String> out = new ArrayList<>();
        for (String s : category.sentences()) {
            out.add(Phrasing.capitalise(facts.fill(s)));
        }
        List<String> extras = new ArrayList<>(DemoVocabulary.SOURCE_SENTENCES.get(source));
        // The category's opening sentence stays first; the source's remarks land somewhere after it.
        for (int i = 0; i < 2; i++) {
            String extra = facts.fill(extras.remove(rnd.nextInt(extras.size())));
            out.add(1 + rnd.nextInt(out.size()), extra);
        }
        return out;
    }

    private static SummaryDoc comprehensive(DemoItem item, Phrasing facts, List<String> s) {
        String wiki = "https://en.wikipedia.org/wiki/Special:Search?search="
                + URLEncoder.encode(facts.topic(), StandardCharsets.UTF_8);
        return new SummaryDoc()
                .heading("Overview")
                .paragraph(String.join(" ", s.subList(0, 3)))
                .paragraph(String.join(" ", s.subList(3, 5)))
                .heading("Key points")
                .list(List.of(
                        new SummaryDoc.Item("Main idea:", s.get(1), null),
                        new SummaryDoc.Item("In practice:", s.get(4), null),
                        new SummaryDoc.Item("Context:", s.get(5), "Useful background for newcomers.")))
                .heading("Why it matters")
                .paragraph(s.get(s.size() - 1))
                .paragraphWithLink("Background on " + facts.topic() + " is collected on", "Wikipedia", wiki)
                .paragraphWithLink("For the full context,", linkLabel(item.source()), item.canonicalUrl());
    }

    private static SummaryDoc keyInsights(DemoItem item, List<String> s, SplittableRandom rnd) {
        List<SummaryDoc.Item> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String aside = switch (item.source()) {
                case "youtube" -> "Around minute " + (1 + rnd.nextInt(Math.max(2, item.durationMinutes()))) + ".";
                case "reddit" -> "From a top-voted reply.";
                default -> "Cited in the article.";
            };
            items.add(new SummaryDoc.Item(INSIGHT_LEADS.get(i), s.get(i + 1), i % 2 == 0 ? aside : null));
        }
        return new SummaryDoc().heading("Key insights").list(items);
    }

    private static SummaryDoc executive(List<String> s) {
        return new SummaryDoc()
                .boldLead("Bottom line:", s.get(0) + " " + s.get(s.size() - 1))
                .list(List.of(SummaryDoc.Item.plain(s.get(2)), SummaryDoc.Item.plain(s.get(3)), SummaryDoc.Item.plain(s.get(5))));
    }

    private static SummaryDoc audioScript(DemoItem item, List<String> s) {
        return new SummaryDoc()
                .paragraph("Here is a short audio summary of \"" + item.title() + "\" from " + item.channel() + ".")
                .paragraph(String.join(" ", s.subList(0, 4)))
                .paragraph(s.get(s.size() - 1) + " Thanks for listening.");
    }

    private static String linkLabel(String source) {
        return switch (source) {
            case "youtube" -> "watch the original video";
            case "reddit" -> "read the whole thread";
            default -> "read the original article";
        };
    }
}
