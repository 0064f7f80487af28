package dev.ytv2.support;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Files that start like images and are not ones a browser should be handed. */
public final class HostileImages {
    private HostileImages() {
    }

    /** A well-formed PNG header declaring `width`×`height` pixels, with a few bytes of pixel data. */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        Deflater d = new Deflater();
        d.setInput(new byte[16]);
        d.finish();
        byte[] z = new byte[64];
        int n = d.deflate(z);
        chunk(out, "IDAT", java.util.Arrays.copyOf(z, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The magic bytes of `real`, then junk. */
    public static byte[] magicThenJunk(byte[] real, int magic) {
        byte[] b = new byte[400];
        java.util.Arrays.fill(b, (byte) 'J');
        System.arraycopy(real, 0, b, 0, magic);
        if (real[0] == 'R') ByteBuffer.wrap(b, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(b.length - 8);
        return b;
    }

    /** A real image of this size. */
    public static byte[] real(String format, int width, int height) {
        return write(format, new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
    }

    /** A real image of random pixels, so that its data does not compress away. */
    public static byte[] noise(String format, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) img.setRGB(x, y, random.nextInt());
        return write(format, img);
    }

    private static byte[] write(String format, BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A real 1×1 lossless WebP. */
    public static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /** A WebP whose lossless header declares `width`×`height`. */
    public static byte[] webpDeclaring(int width, int height) {
        byte[] b = webp();
        int bits = (width - 1) | ((height - 1) << 14);
        ByteBuffer.wrap(b, 21, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(bits);
        return b;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
