package dev.ytv2.files;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;

/**
 * Reads an image's header for real before it is stored: its size from the header, a limit on each
 * side, and a full decode (PNG, JPEG, GIF; subsampled, so memory stays small whatever the size) that
 * proves the bytes are an image and not just its magic. The JDK has no WebP decoder, so a WebP is
 * checked structurally instead: the RIFF container and every chunk must fit the file, and the
 * VP8/VP8L/VP8X header must carry its signature and a size within the limit.
 */
public final class ImageCheck {
    public static final int MAX_SIDE = 8192;
    /** Decoding to at most this many pixels a side is enough to prove the data decodes. */
    private static final int PROOF_SIDE = 256;

    public record Size(int width, int height) {
    }

    /** Why an image was refused; `tooLarge` when it decodes but is over the limit. */
    public static final class Refused extends Exception {
        private final boolean tooLarge;

        Refused(String message, boolean tooLarge) {
            super(message, null, false, false);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private ImageCheck() {
    }

    public static Size check(MediaType type, byte[] bytes) throws Refused {
        if (!type.isImage()) throw new Refused("not an image", false);
        Size size = type == MediaType.WEBP ? webp(bytes) : decoded(type, bytes);
        if (size.width() < 1 || size.height() < 1) throw new Refused("the image has no pixels", false);
        if (size.width() > MAX_SIDE || size.height() > MAX_SIDE) {
            throw new Refused("the image is " + size.width() + "x" + size.height() + " pixels; at most " + MAX_SIDE + " a side", true);
        }
        return size;
    }

    private static Size decoded(MediaType type, byte[] bytes) throws Refused {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == MediaType.JPEG ? "jpeg" : type.extension());
        if (!readers.hasNext()) throw new Refused("no decoder for " + type, false);
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            Size size = new Size(reader.getWidth(0), reader.getHeight(0));
            if (size.width() > MAX_SIDE || size.height() > MAX_SIDE) return size;
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, (Math.max(size.width(), size.height()) + PROOF_SIDE - 1) / PROOF_SIDE);
            param.setSourceSubsampling(step, step, 0, 0);
            reader.read(0, param);
            return size;
        } catch (IOException | RuntimeException e) {
            throw new Refused("the image cannot be decoded", false);
        } finally {
            reader.dispose();
        }
    }

    private static Size webp(byte[] b) throws Refused {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 20) throw invalid();
        long riffEnd = 8 + Integer.toUnsignedLong(buf.getInt(4));
        if (riffEnd > b.length || riffEnd < 20) throw invalid();
        Size size = null;
        boolean extended = false;
        boolean hasFrame = false;
        for (int at = 12; at < riffEnd; ) {
            if (at + 8 > riffEnd) throw invalid();
            String fourcc = new String(b, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long length = Integer.toUnsignedLong(buf.getInt(at + 4));
            int data = at + 8;
            if (data + length > riffEnd) throw invalid();
            boolean first = at == 12;
            switch (fourcc) {
                case "VP8X" -> {
                    if (!first || length < 10) throw invalid();
                    extended = true;
                    size = new Size(u24(b, data + 4) + 1, u24(b, data + 7) + 1);
                }
                case "VP8 " -> {
                    if (length < 10 || (b[data] & 1) != 0 || u(b, data + 3) != 0x9d || u(b, data + 4) != 0x01 || u(b, data + 5) != 0x2a) {
                        throw invalid();
                    }
                    Size frame = new Size(buf.getShort(data + 6) & 0x3fff, buf.getShort(data + 8) & 0x3fff);
                    size = checkedFrame(size, frame, first);
                    hasFrame = true;
                }
                case "VP8L" -> {
                    if (length < 5 || u(b, data) != 0x2f) throw invalid();
                    int bits = buf.getInt(data + 1);
                    if ((bits >>> 29) != 0) throw invalid();
                    Size frame = new Size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
                    size = checkedFrame(size, frame, first);
                    hasFrame = true;
                }
                case "ANMF" -> hasFrame = extended;
                default -> {
                    if (first) throw invalid();
                }
            }
            at = (int) (data + length + (length & 1));
        }
        if (size == null || !hasFrame) throw invalid();
        return size;
    }

    /** A frame's size is the image's in a simple file, and may not exceed the canvas in an extended one. */
    private static Size checkedFrame(Size canvas, Size frame, boolean first) throws Refused {
        if (first) return frame;
        if (canvas == null || frame.width() > canvas.width() || frame.height() > canvas.height()) throw invalid();
        return canvas;
    }

    private static Refused invalid() {
        return new Refused("the WebP file is not well formed", false);
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u24(byte[] b, int i) {
        return u(b, i) | u(b, i + 1) << 8 | u(b, i + 2) << 16;
    }
}
