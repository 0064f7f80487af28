package dev.ytv2.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;

/** Ids and URL pieces shaped like the real ones of each source. */
final class DemoIds {

    private static final String YOUTUBE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String REDDIT_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private DemoIds() {}

    static String youtubeId(SplittableRandom rnd) {
        return randomString(YOUTUBE_ALPHABET, 11, rnd);
    }

    static String redditId(SplittableRandom rnd) {
        return randomString(REDDIT_ALPHABET, 6, rnd);
    }

    /** Web items are keyed by a hash of their URL, as the YTV2 ingester does. */
    static String webHash(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    /** Lower-case ASCII words joined by a separator; accents are dropped, other scripts skipped. */
    static String slug(String title, char separator, int maxLength) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String words = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        String slug = words.replace(' ', separator);
        if (slug.length() > maxLength) {
            int cut = slug.lastIndexOf(separator, maxLength);
            slug = slug.substring(0, cut > 0 ? cut : maxLength);
        }
        return slug.isEmpty() ? "post" : slug;
    }

    private static String randomString(String alphabet, int length, SplittableRandom rnd) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
