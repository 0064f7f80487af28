package dev.ytv2.render.builtin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * Layered rolling bands, far ones pale and near ones dark, the way haze lightens distant hills.
 * It gives some pictures a horizon, which keeps a wall of cards from looking all alike.
 */
final class Dunes {

    private Dunes() {}

    static void paint(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h) {
        int layers = 3 + rnd.nextInt(3);
        double horizon = (0.4 + rnd.nextDouble() * 0.2) * h;
        Color far = Palette.mix(p.accent(rnd.nextInt(3)), p.glow(), 0.25);
        Color mid = p.accent(rnd.nextInt(3));
        g.setStroke(new BasicStroke(Math.max(1f, h / 400f)));
        for (int i = 0; i < layers; i++) {
            double depth = (double) i / (layers - 1);
            double top = horizon + depth * (h - horizon) * 0.65;
            Color c = depth < 0.5 ? Palette.mix(far, Palette.mix(mid, p.base(), 0.5), depth * 2)
                    : Palette.mix(Palette.mix(mid, p.base(), 0.5), p.deep(), (depth - 0.5) * 1.6);
            Path2D.Double ridge = ridge(rnd, w, top, h * (0.03 + 0.05 * rnd.nextDouble()));
            Path2D.Double band = new Path2D.Double(ridge);
            band.lineTo(w + 8, h);
            band.lineTo(-16, h);
            band.closePath();
            g.setPaint(new GradientPaint(0, (float) top - h * 0.05f, Palette.withAlpha(c, 0.94),
                    0, (float) h, Palette.mix(c, p.deep(), 0.7)));
            g.fill(band);
            // Light grazing the crest separates one layer from the next.
            g.setPaint(Palette.withAlpha(p.glow(), 0.22 * (1 - depth * 0.6)));
            g.draw(ridge);
        }
    }

    /** A smooth crest line: a sum of two sines of random phase across the whole width. */
    private static Path2D.Double ridge(SplittableRandom rnd, int w, double top, double amp) {
        double f1 = (1 + rnd.nextDouble() * 2) * Math.PI / w, p1 = rnd.nextDouble() * 7;
        double f2 = (3 + rnd.nextDouble() * 4) * Math.PI / w, p2 = rnd.nextDouble() * 7;
        Path2D.Double path = new Path2D.Double();
        int step = Math.max(4, w / 96);
        for (int x = -step; x <= w + step; x += step) {
            double y = top + amp * Math.sin(x * f1 + p1) + amp * 0.35 * Math.sin(x * f2 + p2);
            if (x < 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }
}
