package dev.ytv2.render.builtin;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG bytes of a drawn image, for the renderers and the demo's thumbnails. */
public final class Png {
    private Png() {
    }

    public static byte[] encode(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        var out = new ByteArrayOutputStream(img.getWidth() * img.getHeight());
        // A memory stream, not ImageIO.write: that one may spill to a temp file and shares a global cache flag.
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
