package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.TestServer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reports and real image files for the browser tests. */
final class UiLibrary {
    private UiLibrary() {
    }

    static ObjectNode report(TestServer s, String id, String title, String channel, String source, String category,
                             String indexed) {
        ObjectNode r = s.object();
        r.put("video_id", id);
        r.put("title", title);
        r.put("channel_name", channel);
        r.put("content_source", source);
        r.put("language", "en");
        r.put("duration_seconds", 600);
        r.put("published_at", "2024-05-01T10:00:00Z");
        r.put("indexed_at", indexed);
        r.put("canonical_url", "https://example.com/" + id);
        ObjectNode analysis = r.putObject("analysis_json");
        analysis.putArray("category").add(category);
        analysis.put("content_type", "Explainer");
        ArrayNode variants = r.putArray("summary_variants");
        variants.addObject().put("variant", "comprehensive").put("summary_type", "comprehensive")
                .put("text", "The long summary of " + title).put("html", "<p>The long summary of " + title + "</p>");
        variants.addObject().put("variant", "bullet-points").put("summary_type", "bullet-points")
                .put("text", "Point about " + title).put("html", "<ul><li>Point about " + title + "</li></ul>");
        return r;
    }

    /** The report with one summary, of the given text, instead of the two written from its title. */
    static ObjectNode summarised(ObjectNode report, String text) {
        ArrayNode variants = report.putArray("summary_variants");
        variants.addObject().put("variant", "comprehensive").put("summary_type", "comprehensive")
                .put("text", text).put("html", "<p>" + text + "</p>");
        return report;
    }

    static ObjectNode analysis(ObjectNode report) {
        return (ObjectNode) report.get("analysis_json");
    }

    static void addVariant(ObjectNode report, String url, String mode, String createdAt, boolean starred) {
        ObjectNode a = analysis(report);
        ArrayNode list = a.has("summary_image_variants") ? (ArrayNode) a.get("summary_image_variants") : a.putArray("summary_image_variants");
        list.addObject().put("id", url.substring(url.lastIndexOf('/') + 1)).put("url", url).put("image_mode", mode)
                .put("prompt", "a prompt for " + url).put("created_at", createdAt).put("starred", starred);
    }

    /** Writes a small real PNG into the server's image store and answers its public URL. */
    static String image(TestServer s, String name, Color color) {
        try {
            Path dir = Files.createDirectories(s.dataDir.resolve("images").resolve("ui"));
            BufferedImage img = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(color);
            g.fillRect(0, 0, 64, 36);
            g.dispose();
            ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());
            return "/exports/images/ui/" + name + ".png";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's stableHash (FNV-1a, 32 bit), to predict Rotate. */
    static long stableHash(String text) {
        int h = 0x811c9dc5;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x01000193;
        }
        return Integer.toUnsignedLong(h);
    }
}
