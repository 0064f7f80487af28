package dev.ytv2.bench;

import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bulk-loads many synthetic reports for benchmarks: COPY into `content` and `content_summaries`
 * with triggers off, then one set-based pass builds `report_index`. Each report is about a few
 * topic words (each in roughly 2% of the library, like a real subject), set in filler words drawn
 * from a skewed vocabulary of a few thousand, so common words are very common and rare ones rare.
 */
public final class SyntheticLibrary {
    static final List<String> SOURCES = List.of("youtube", "youtube", "youtube", "reddit", "web");
    static final List<String> CATEGORIES = List.of("Technology", "Science", "Programming", "AI & Machine Learning",
            "Health", "Finance", "History", "Music", "Gaming", "Cooking", "Travel", "Politics", "Education",
            "DIY & Makers", "Space");
    static final List<String> LANGUAGES = List.of("en", "en", "en", "en", "de", "fr", "es", "ja");
    static final List<String> TYPES = List.of("Tutorial", "Review", "Discussion", "News", "Interview", "Explainer", "Opinion");
    static final List<String> VARIANTS = List.of("comprehensive", "bullet-points", "key-insights", "executive");
    static final String[] WORDS = ("system data model energy market history kernel network garden recipe galaxy "
            + "battery climate protein vaccine budget inflation startup compiler database rust python javascript linux "
            + "server storage camera guitar piano synth chess strategy election policy court economy city river ocean "
            + "mountain forest desert planet rocket telescope orbit mars moon solar wind nuclear fusion quantum neural "
            + "training dataset benchmark latency memory cache thread async protocol security privacy encryption "
            + "password browser mobile design typography animation painting museum empire war treaty revolution "
            + "medieval ancient roman greek sourdough coffee espresso pasta curry ramen hiking cycling marathon sleep "
            + "fitness diet brain habit focus productivity writing reading language grammar vocabulary school teacher "
            + "student exam research paper review analysis interview podcast documentary tutorial beginner advanced "
            + "homelab proxmox kubernetes docker container cluster router firewall backup raid nas printer arduino "
            + "soldering woodworking workshop drone satellite").split(" ");

    private static final String[] FILLER = filler(4000);

    private SyntheticLibrary() {
    }

    /** Pronounceable pseudo-words, so the text has a realistic vocabulary size without a dictionary. */
    private static String[] filler(int n) {
        String[] onsets = {"b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "pl", "tr", "gr"};
        String[] vowels = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
        String[] codas = {"", "n", "r", "s", "t", "l", "m", "nd", "st"};
        String[] out = new String[n];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + r.nextInt(3);
            for (int k = 0; k < syllables; k++) {
                w.append(onsets[r.nextInt(onsets.length)]).append(vowels[r.nextInt(vowels.length)]).append(codas[r.nextInt(codas.length)]);
            }
            out[i] = w.toString();
        }
        return out;
    }

    public static int load(Jdbi jdbi, int count, long seed) {
        return jdbi.withHandle(h -> {
            try {
                CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
                h.execute("SET session_replication_role = replica");
                SplittableRandom random = new SplittableRandom(seed);
                long started = System.nanoTime();
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                int batch = 5_000;
                for (int from = 0; from < count; from += batch) {
                    StringBuilder content = new StringBuilder();
                    StringBuilder summaries = new StringBuilder();
                    for (int i = from; i < Math.min(count, from + batch); i++) {
                        row(random, i, now, content, summaries);
                    }
                    copy.copyIn("COPY content (video_id, id, title, channel_name, content_source, published_at, duration_seconds, "
                            + "thumbnail_url, canonical_url, language, subcategories_json, analysis_json, has_audio, media, indexed_at, "
                            + "created_at, updated_at) FROM STDIN", new StringReader(content.toString()));
                    copy.copyIn("COPY content_summaries (video_id, variant, summary_type, text, html, revision, is_latest, created_at) "
                            + "FROM STDIN", new StringReader(summaries.toString()));
                }
                h.execute("SET session_replication_role = DEFAULT");
                System.out.printf("copied %d reports in %.1f s; indexing...%n", count, (System.nanoTime() - started) / 1e9);
                h.execute("SELECT ytv2_sync_report_index(ARRAY(SELECT video_id FROM content c WHERE NOT EXISTS "
                        + "(SELECT 1 FROM report_index r WHERE r.video_id = c.video_id)))");
                h.execute("ANALYZE content");
                h.execute("ANALYZE content_summaries");
                h.execute("ANALYZE report_index");
                return count;
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("bulk load failed: " + e.getMessage(), e);
            }
        });
    }

    private static void row(SplittableRandom r, int i, Instant now, StringBuilder content, StringBuilder summaries) {
        String source = pick(r, SOURCES);
        String id = (source.equals("youtube") ? "yt:" : source + ":") + "bench" + i;
        String category = pick(r, CATEGORIES);
        String[] topics = {word(r), word(r), word(r), word(r)};
        // A handful of subcategories per category, as real libraries have (not one per report).
        String sub = capital(WORDS[Math.floorMod(category.hashCode() * 31 + r.nextInt(8), WORDS.length)]);
        String title = capital(topics[0]) + " " + fillerWord(r) + " and the " + topics[1] + " of " + fillerWord(r);
        String channel = "Channel " + (r.nextInt(1000) + 1);
        Instant published = now.minus(r.nextInt(3 * 365 * 24), ChronoUnit.HOURS);
        Instant indexed = now.minus(i, ChronoUnit.MINUTES);
        boolean audio = r.nextInt(5) == 0;
        String analysis = "{\"category\": [\"" + category + "\"], \"subcategory\": \"" + sub + "\", \"content_type\": \""
                + pick(r, TYPES) + "\", \"key_topics\": [\"" + topics[2] + "\", \"" + topics[3] + "\"]}";
        String media = audio ? "{\"has_audio\": true, \"audio_url\": \"/exports/audio/bench/" + i + ".mp3\"}" : "{}";
        content.append(String.join("\t", id, id, title, channel, source, published.toString(),
                source.equals("youtube") ? Integer.toString(60 + r.nextInt(5400)) : "\\N",
                "https://img.example.com/" + i + ".jpg", "https://example.com/watch/" + i, pick(r, LANGUAGES),
                "{\"" + category + "\": [\"" + sub + "\"]}", analysis, Boolean.toString(audio), media,
                indexed.toString(), indexed.toString(), indexed.toString())).append('\n');
        int variants = 1 + r.nextInt(3);
        for (int v = 0; v < variants; v++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 120; w++) {
                String token = w % 6 == 0 ? topics[r.nextInt(topics.length)] : fillerWord(r);
                text.append(token).append(w % 15 == 14 ? ". " : " ");
            }
            summaries.append(String.join("\t", id, VARIANTS.get(v), VARIANTS.get(v), text.toString().trim(),
                    "<p>" + text.toString().trim() + "</p>", "1", "true", indexed.toString())).append('\n');
        }
    }

    /** A topic word, as a reader would search for one. */
    static String word(SplittableRandom r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    /** Skewed towards the front of the vocabulary: early words are very common, late ones rare. */
    static String fillerWord(SplittableRandom r) {
        double u = r.nextDouble();
        return FILLER[(int) (FILLER.length * u * u)];
    }

    /** The most common filler word: a search for it matches most of the library (the worst case). */
    static String commonWord() {
        return FILLER[0];
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
