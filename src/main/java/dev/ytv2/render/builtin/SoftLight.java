package dev.ytv2.render.builtin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.util.SplittableRandom;

/**
 * Light that is not a shape: blurred glows, out-of-focus bokeh discs, stars and glossy orbs. Blur
 * is faked with radial gradients that fade to transparent, which costs a fill instead of a
 * convolution over the whole picture.
 */
final class SoftLight {

    private SoftLight() {}

    static void glows(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h, int count) {
        for (int i = 0; i < count; i++) {
            Color c = rnd.nextInt(3) == 0 ? p.glow() : p.accent(rnd.nextInt(3));
            double r = (0.15 + rnd.nextDouble() * 0.35) * h;
            double alpha = 0.25 + rnd.nextDouble() * 0.35;
            glow(g, rnd.nextDouble() * w, rnd.nextDouble() * h, r, c, alpha);
        }
    }

    static void glow(Graphics2D g, double x, double y, double r, Color c, double alpha) {
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) r,
                new float[] {0f, 0.4f, 1f},
                new Color[] {Palette.withAlpha(c, alpha), Palette.withAlpha(c, alpha * 0.35), Palette.withAlpha(c, 0)}));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    /** Bokeh gathers along a diagonal band, as out-of-focus lights in a photo tend to. */
    static void bokeh(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h, int count) {
        double angle = (rnd.nextDouble() - 0.5) * 0.9;
        double cy = (0.3 + rnd.nextDouble() * 0.4) * h;
        for (int i = 0; i < count; i++) {
            double x = rnd.nextDouble() * w;
            double y = cy + (x - w / 2.0) * Math.tan(angle) + rnd.nextGaussian() * h * 0.18;
            double r = (0.012 + Math.pow(rnd.nextDouble(), 2) * 0.07) * h;
            Color c = Palette.mix(p.accent(rnd.nextInt(3)), p.glow(), rnd.nextDouble() * 0.6);
            double alpha = 0.12 + rnd.nextDouble() * 0.3;
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) r,
                    new float[] {0f, 0.75f, 0.92f, 1f},
                    new Color[] {Palette.withAlpha(c, alpha * 0.7), Palette.withAlpha(c, alpha),
                            Palette.withAlpha(c, alpha * 0.6), Palette.withAlpha(c, 0)}));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }

    static void stars(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h, int count) {
        for (int i = 0; i < count; i++) {
            double x = rnd.nextDouble() * w, y = rnd.nextDouble() * h;
            double r = Math.max(0.5, Math.pow(rnd.nextDouble(), 6) * h * 0.006 + h * 0.0008);
            g.setPaint(Palette.withAlpha(Palette.mix(p.glow(), Color.WHITE, 0.5), 0.35 + rnd.nextDouble() * 0.6));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            if (r > h * 0.003) {
                glow(g, x, y, r * 5, p.glow(), 0.25);
            }
        }
    }

    /** A lit planet: the highlight sits off-centre towards the light, a thin haze rims the edge. */
    static void orb(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h) {
        double r = (0.14 + rnd.nextDouble() * 0.22) * h;
        double x = (0.15 + rnd.nextDouble() * 0.7) * w, y = (0.2 + rnd.nextDouble() * 0.6) * h;
        Color body = p.accent(rnd.nextInt(3));
        glow(g, x, y, r * 2.2, body, 0.22);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) r,
                new Point2D.Double(x - r * 0.45, y - r * 0.5),
                new float[] {0f, 0.45f, 1f},
                new Color[] {Palette.mix(body, p.glow(), 0.6), body, Palette.mix(body, p.deep(), 0.85)},
                CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        double rim = r * 1.12;
        Color haze = Palette.mix(body, p.glow(), 0.5);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) rim,
                new float[] {0f, 0.86f, 0.9f, 1f},
                new Color[] {Palette.withAlpha(haze, 0), Palette.withAlpha(haze, 0), Palette.withAlpha(haze, 0.35),
                        Palette.withAlpha(haze, 0)}));
        g.fill(new Ellipse2D.Double(x - rim, y - rim, 2 * rim, 2 * rim));
    }
}
