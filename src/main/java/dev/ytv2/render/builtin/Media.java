package dev.ytv2.render.builtin;

import dev.ytv2.render.builtin.PromptReading.Medium;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * How a drawn scene is put on the page in the medium the prompt names: washes on paper, a print
 * in a few inks, leaded glass, pixels, brush strokes, or a dreamy double exposure. Each works on
 * the pixels in one or two passes, so even the slowest stays far below a tenth of a second.
 */
final class Media {

    private Media() {}

    static BufferedImage apply(BufferedImage img, Medium medium, Palette p, SplittableRandom rnd) {
        return switch (medium) {
            case CLEAN -> img;
            case WATERCOLOR -> watercolor(img);
            case PRINT -> print(img, p);
            case GLASS -> glass(img, rnd);
            case PIXEL -> pixels(img);
            case PAINT -> paint(img, rnd);
            case DREAM -> dream(img, p, rnd);
        };
    }

    private static int[] px(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage scaled(BufferedImage img, int w, int h, Object interpolation) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** A soft copy: shrunk and grown again, which blurs at the cost of two cheap resamples. */
    private static BufferedImage blurred(BufferedImage img, int factor) {
        int w = img.getWidth(), h = img.getHeight();
        return scaled(scaled(img, Math.max(2, w / factor), Math.max(2, h / factor), RenderingHints.VALUE_INTERPOLATION_BILINEAR),
                w, h, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /** Soft washes lighter than the scene, pigment pooling darker at their edges, on warm paper. */
    private static BufferedImage watercolor(BufferedImage img) {
        BufferedImage soft = blurred(img, 4), wide = blurred(img, 14);
        int[] a = px(soft), b = px(wide);
        int w = img.getWidth();
        for (int i = 0; i < a.length; i++) {
            int x = i % w, y = i / w;
            // Paper fibre: a fixed, low-amplitude pattern rather than noise, which would bloat the PNG.
            double grain = ((x * 7 + y * 13) % 17) / 17.0 * 6 - 3;
            int out = 0;
            for (int s = 16; s >= 0; s -= 8) {
                int v = (a[i] >> s) & 0xff, far = (b[i] >> s) & 0xff;
                double edge = Math.abs(v - far) * 0.6;
                double paper = s == 16 ? 246 : s == 8 ? 240 : 228;
                double c = v * 0.62 + paper * 0.38 - edge + grain;
                out = (out << 8) | Palette.clamp((int) c);
            }
            a[i] = out;
        }
        return soft;
    }

    /** Four inks chosen by lightness, with carved lines through the mid-tones, as a linocut prints. */
    private static BufferedImage print(BufferedImage img, Palette p) {
        int[] inks = {p.deep().getRGB(), p.accent(0).getRGB(), p.accent(1).getRGB(), new Color(0xF3EADB).getRGB()};
        int[] a = px(img);
        int w = img.getWidth();
        int line = Math.max(3, img.getHeight() / 90);
        for (int i = 0; i < a.length; i++) {
            int v = a[i];
            double l = (0.3 * ((v >> 16) & 0xff) + 0.59 * ((v >> 8) & 0xff) + 0.11 * (v & 0xff)) / 255;
            int band = l < 0.28 ? 0 : l < 0.5 ? 1 : l < 0.72 ? 2 : 3;
            int y = i / w;
            if ((band == 1 || band == 2) && (y + (i % w) / 6) % line == 0) band++;
            a[i] = inks[Math.min(3, band)] & 0xffffff;
        }
        return img;
    }

    /** Cells of coloured glass around jittered points, joined by dark leading. */
    private static BufferedImage glass(BufferedImage img, SplittableRandom rnd) {
        int w = img.getWidth(), h = img.getHeight();
        int cell = Math.max(6, w / 26);
        int gw = w / cell + 2, gh = h / cell + 2;
        double[] sx = new double[gw * gh], sy = new double[gw * gh];
        int[] colour = new int[gw * gh];
        int[] src = px(img);
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                int k = j * gw + i;
                sx[k] = (i + 0.15 + rnd.nextDouble() * 0.7) * cell;
                sy[k] = (j + 0.15 + rnd.nextDouble() * 0.7) * cell;
                int x = Math.min(w - 1, (int) sx[k]), y = Math.min(h - 1, (int) sy[k]);
                colour[k] = saturate(src[y * w + x]);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = px(out);
        double lead = cell * 0.09;
        for (int y = 0; y < h; y++) {
            int cj = y / cell;
            for (int x = 0; x < w; x++) {
                int ci = x / cell;
                double best = Double.MAX_VALUE, second = Double.MAX_VALUE;
                int bestK = 0;
                for (int j = Math.max(0, cj - 1); j <= Math.min(gh - 1, cj + 1); j++) {
                    for (int i = Math.max(0, ci - 1); i <= Math.min(gw - 1, ci + 1); i++) {
                        int k = j * gw + i;
                        double dx = x - sx[k], dy = y - sy[k], d = dx * dx + dy * dy;
                        if (d < best) { second = best; best = d; bestK = k; } else if (d < second) second = d;
                    }
                }
                boolean edge = Math.sqrt(second) - Math.sqrt(best) < lead;
                dst[y * w + x] = edge ? 0x1c1a22 : colour[bestK];
            }
        }
        return out;
    }

    private static int saturate(int rgb) {
        float[] hsb = Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
        return Color.HSBtoRGB(hsb[0], Math.min(1f, hsb[1] * 1.35f + 0.08f), Math.min(1f, hsb[2] * 1.1f + 0.05f)) & 0xffffff;
    }

    /** Big square pixels in a reduced set of levels. */
    private static BufferedImage pixels(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        BufferedImage small = scaled(img, Math.max(2, w / 12), Math.max(2, h / 12), RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int[] a = px(small);
        for (int i = 0; i < a.length; i++) {
            int v = a[i], out = 0;
            for (int s = 16; s >= 0; s -= 8) out = (out << 8) | (((v >> s) & 0xff) / 48 * 48 + 24);
            a[i] = out;
        }
        return scaled(small, w, h, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    /** Short, thick strokes that take the scene's colours and follow a slow swirl. */
    private static BufferedImage paint(BufferedImage img, SplittableRandom rnd) {
        int w = img.getWidth(), h = img.getHeight();
        BufferedImage out = blurred(img, 6);
        int[] src = px(img);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double step = Math.max(3, w / 110.0);
        g.setStroke(new BasicStroke((float) (step * 0.95), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double swirl = rnd.nextDouble() * 6;
        Line2D.Double stroke = new Line2D.Double();
        for (double y = step / 2; y < h; y += step) {
            for (double x = step / 2; x < w; x += step) {
                double jx = x + (rnd.nextDouble() - 0.5) * step, jy = y + (rnd.nextDouble() - 0.5) * step;
                int sx = (int) Math.min(w - 1, Math.max(0, jx)), sy = (int) Math.min(h - 1, Math.max(0, jy));
                int c = src[sy * w + sx];
                double angle = Math.sin(jx / w * 3 + swirl) + Math.cos(jy / h * 4 - swirl) + (rnd.nextDouble() - 0.5) * 0.4;
                double len = step * (1.1 + rnd.nextDouble());
                stroke.setLine(jx - Math.cos(angle) * len / 2, jy - Math.sin(angle) * len / 2,
                        jx + Math.cos(angle) * len / 2, jy + Math.sin(angle) * len / 2);
                int lift = (int) ((rnd.nextDouble() - 0.5) * 24);
                g.setColor(new Color(Palette.clamp(((c >> 16) & 0xff) + lift), Palette.clamp(((c >> 8) & 0xff) + lift),
                        Palette.clamp((c & 0xff) + lift)));
                g.draw(stroke);
            }
        }
        g.dispose();
        return out;
    }

    /** A double exposure: the scene, softened, with light leaks and bokeh laid through it. */
    private static BufferedImage dream(BufferedImage img, Palette p, SplittableRandom rnd) {
        BufferedImage out = blurred(img, 3);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = img.getWidth(), h = img.getHeight();
        SoftLight.glows(g, p, rnd, w, h, 4);
        SoftLight.bokeh(g, p, rnd, w, h, 40);
        Ribbons.paint(g, p, rnd, w, h, 1);
        g.dispose();
        return out;
    }
}
