package dev.ytv2.render.builtin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * The background: a few coloured anchor points blended by inverse distance over a gently warped
 * plane, which gives the soft "mesh gradient" look. The field is smooth, so it is computed at a
 * quarter of the size and scaled up; that keeps the whole render well under a frame budget.
 */
final class MeshGradient {

    private static final int SCALE = 4;

    private record Anchor(double x, double y, double reach, float r, float g, float b) {}

    private MeshGradient() {}

    static void paint(Graphics2D g, Palette p, SplittableRandom rnd, int width, int height) {
        int lw = Math.max(2, width / SCALE);
        int lh = Math.max(2, height / SCALE);
        double aspect = (double) width / height;
        Anchor[] anchors = anchors(p, rnd, aspect);

        // Two sine waves displace the sample point, so the colour borders flow instead of forming circles.
        double wa = 0.06 + rnd.nextDouble() * 0.12, wf = 2 + rnd.nextDouble() * 3, wp = rnd.nextDouble() * 7;
        double va = 0.05 + rnd.nextDouble() * 0.1, vf = 2 + rnd.nextDouble() * 3, vp = rnd.nextDouble() * 7;

        BufferedImage field = new BufferedImage(lw, lh, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) field.getRaster().getDataBuffer()).getData();
        for (int j = 0; j < lh; j++) {
            double y0 = (j + 0.5) / lh;
            for (int i = 0; i < lw; i++) {
                double x0 = (i + 0.5) / lw * aspect;
                double x = x0 + wa * Math.sin(y0 * wf + wp);
                double y = y0 + va * Math.sin(x0 * vf + vp);
                px[j * lw + i] = blend(anchors, x, y);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(field, 0, 0, width, height, null);
    }

    private static int blend(Anchor[] anchors, double x, double y) {
        double sw = 0, sr = 0, sg = 0, sb = 0;
        for (Anchor a : anchors) {
            double dx = x - a.x, dy = y - a.y;
            double q = (dx * dx + dy * dy) / a.reach + 0.015;
            double w = 1 / (q * Math.sqrt(q));
            sw += w;
            sr += w * a.r;
            sg += w * a.g;
            sb += w * a.b;
        }
        int r = (int) (sr / sw), gg = (int) (sg / sw), b = (int) (sb / sw);
        return (r << 16) | (gg << 8) | b;
    }

    /** Dark anchors outnumber bright ones: a mostly deep picture with pools of colour reads as calm. */
    private static Anchor[] anchors(Palette p, SplittableRandom rnd, double aspect) {
        int n = 5 + rnd.nextInt(3);
        Color[] colours = new Color[n];
        colours[0] = p.deep();
        colours[1] = p.base();
        colours[2] = p.accent(rnd.nextInt(3));
        colours[3] = Palette.mix(p.deep(), p.base(), rnd.nextDouble());
        colours[4] = p.accent(rnd.nextInt(3));
        for (int i = 5; i < n; i++) {
            colours[i] = rnd.nextInt(4) == 0 ? Palette.mix(p.glow(), p.accent(i), 0.5) : p.deep();
        }
        Anchor[] out = new Anchor[n];
        for (int i = 0; i < n; i++) {
            Color c = colours[i];
            out[i] = new Anchor(
                    (-0.1 + rnd.nextDouble() * 1.2) * aspect,
                    -0.1 + rnd.nextDouble() * 1.2,
                    0.6 + rnd.nextDouble() * 0.8,
                    c.getRed(), c.getGreen(), c.getBlue());
        }
        return out;
    }
}
