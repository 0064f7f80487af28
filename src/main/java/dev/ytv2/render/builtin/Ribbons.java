package dev.ytv2.render.builtin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * Flowing silk ribbons: two bezier edges crossing the picture, a translucent fill between them and
 * a bundle of hairline strands interpolated from one edge to the other. The strands are what make
 * the ribbon look like fabric catching light rather than a flat band.
 */
final class Ribbons {

    private Ribbons() {}

    static void paint(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h, int count) {
        for (int i = 0; i < count; i++) {
            Color from = p.accent(rnd.nextInt(3));
            Color to = rnd.nextBoolean() ? p.glow() : p.accent(rnd.nextInt(3));
            ribbon(g, rnd, w, h, from, to);
        }
    }

    private static void ribbon(Graphics2D g, SplittableRandom rnd, int w, int h, Color from, Color to) {
        double[] a = edge(rnd, w, h, null);
        double[] b = edge(rnd, w, h, a);

        Path2D.Double band = new Path2D.Double();
        band.moveTo(a[0], a[1]);
        band.curveTo(a[2], a[3], a[4], a[5], a[6], a[7]);
        band.lineTo(b[6], b[7]);
        band.curveTo(b[4], b[5], b[2], b[3], b[0], b[1]);
        band.closePath();
        g.setPaint(new GradientPaint((float) a[0], (float) a[1], Palette.withAlpha(from, 0.22),
                (float) a[6], (float) a[7], Palette.withAlpha(to, 0.12)));
        g.fill(band);

        int strands = 36 + rnd.nextInt(36);
        float width = (float) Math.max(0.7, w / 1100.0 * (0.8 + rnd.nextDouble() * 0.6));
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double bulge = (rnd.nextDouble() - 0.5) * h * 0.25;
        CubicCurve2D.Double curve = new CubicCurve2D.Double();
        for (int k = 0; k < strands; k++) {
            double t = (double) k / (strands - 1);
            // Strands near the middle of the bundle are brighter: light falls on the fold.
            double sheen = Math.sin(Math.PI * t);
            double lift = bulge * sheen;
            curve.setCurve(
                    lerp(a[0], b[0], t), lerp(a[1], b[1], t),
                    lerp(a[2], b[2], t), lerp(a[3], b[3], t) + lift,
                    lerp(a[4], b[4], t), lerp(a[5], b[5], t) - lift,
                    lerp(a[6], b[6], t), lerp(a[7], b[7], t));
            Color c = Palette.mix(from, to, t);
            g.setPaint(Palette.withAlpha(c, 0.06 + 0.3 * sheen * sheen));
            g.draw(curve);
        }
    }

    /** A curve from beyond the left edge to beyond the right; a second edge stays near the first. */
    private static double[] edge(SplittableRandom rnd, int w, int h, double[] near) {
        double[] e = new double[8];
        double[] xs = {-0.1 * w, (0.2 + rnd.nextDouble() * 0.2) * w, (0.55 + rnd.nextDouble() * 0.2) * w, 1.1 * w};
        for (int i = 0; i < 4; i++) {
            e[2 * i] = xs[i];
            e[2 * i + 1] = near == null
                    ? (-0.2 + rnd.nextDouble() * 1.4) * h
                    : near[2 * i + 1] + (rnd.nextDouble() - 0.5) * h * 0.5;
        }
        return e;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
