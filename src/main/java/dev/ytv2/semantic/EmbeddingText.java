package dev.ytv2.semantic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The text a report is embedded as, in the layout the existing installations use, so that their
 * stored `embedding_source_hash` values compare equal to ours for the same report.
 */
public record EmbeddingText(String videoId, String text, String sha256) {

    public static EmbeddingText of(String videoId, String title, String channel, String source, String summary) {
        List<String> parts = new ArrayList<>();
        if (present(title)) parts.add("Title: " + title.strip());
        if (present(channel)) parts.add("Channel: " + channel.strip());
        if (present(source)) parts.add("Source: " + source.strip());
        if (present(summary)) parts.add("Summary:\n" + summary.strip());
        String text = String.join("\n\n", parts);
        return new EmbeddingText(videoId, text, sha256(text));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
