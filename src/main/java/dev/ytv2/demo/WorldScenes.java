package dev.ytv2.demo;

import static dev.ytv2.demo.ThumbnailPainter.alpha;
import static dev.ytv2.demo.ThumbnailPainter.shade;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** Places: a mountain landscape, a planet seen from orbit, a city skyline. */
final class WorldScenes {

    /** Sky top, sky bottom, sun: day, golden hour and dusk. */
    private static final Color[][] SKIES = {
            {new Color(0x4A90D9), new Color(0xBFE3F7), new Color(0xFFF4C2)},
            {new Color(0xF08A4B), new Color(0xFFD59E), new Color(0xFFF1D0)},
            {new Color(0x3B2C6B), new Color(0xE58A8A), new Color(0xFFD6A0)}};

    private WorldScenes() {}

    static void landscape(Graphics2D g, SplittableRandom rnd, int w, int h) {
        Color[] sky = SKIES[rnd.nextInt(SKIES.length)];
        g.setPaint(new GradientPaint(0, 0, sky[0], 0, h * 0.65f, sky[1]));
        g.fillRect(0, 0, w, h);
        double sx = w * (0.2 + rnd.nextDouble() * 0.6), sy = h * (0.2 + rnd.nextDouble() * 0.2), sr = h * 0.09;
        g.setColor(alpha(sky[2], 90));
        g.fill(new Ellipse2D.Double(sx - sr * 2, sy - sr * 2, sr * 4, sr * 4));
        g.setColor(sky[2]);
        g.fill(new Ellipse2D.Double(sx - sr, sy - sr, sr * 2, sr * 2));
        Color hill = rnd.nextBoolean() ? new Color(0x2F5D50) : new Color(0x4B3F72);
        double lake = h * 0.78;
        for (int layer = 0; layer < 3; layer++) {
            double base = h * (0.5 + layer * 0.09);
            Color c = layer == 2 ? shade(hill, 0.6) : mix(hill, sky[1], 0.55 - layer * 0.25);
            g.setColor(c);
            g.fill(ridge(rnd, w, base, h * (0.12 + rnd.nextDouble() * 0.1), 5 + rnd.nextInt(4), lake));
        }
        g.setPaint(new GradientPaint(0, (float) lake, shade(sky[1], 0.8), 0, h, shade(sky[0], 0.7)));
        g.fill(new Rectangle2D.Double(0, lake, w, h - lake));
        g.setColor(alpha(Color.WHITE, 110));
        for (int i = 0; i < 7; i++) {
            double y = lake + 6 + i * (h - lake) / 7, len = 20 + rnd.nextDouble() * 60;
            g.fill(new Rectangle2D.Double(sx - len / 2 + rnd.nextGaussian() * 10, y, len, 2));
        }
        for (int i = 0; i < 5; i++) {
            tree(g, w * (rnd.nextBoolean() ? rnd.nextDouble() * 0.25 : 0.75 + rnd.nextDouble() * 0.25), lake + 4,
                    h * (0.18 + rnd.nextDouble() * 0.12), shade(hill, 0.4));
        }
    }

    /** Orbit: stars, a moon, and the curved limb of a planet with a thin bright atmosphere. */
    static void space(Graphics2D g, SplittableRandom rnd, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x05060F), w, h, new Color(0x1A1240)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 160; i++) {
            double s = rnd.nextDouble() < 0.9 ? 1.2 : 2.6;
            g.setColor(alpha(Color.WHITE, 90 + rnd.nextInt(165)));
            g.fill(new Ellipse2D.Double(rnd.nextDouble() * w, rnd.nextDouble() * h, s, s));
        }
        Color planet = rnd.nextBoolean() ? new Color(0x2E6FD8) : new Color(0xD9822B);
        double r = w * 0.9, cx = w * (0.3 + rnd.nextDouble() * 0.4), cy = h + r * 0.72;
        g.setColor(alpha(new Color(0x8FD3FF), 60));
        g.fill(new Ellipse2D.Double(cx - r - 10, cy - r - 10, 2 * r + 20, 2 * r + 20));
        g.setPaint(new GradientPaint(0, (float) (cy - r), shade(planet, 1.25), 0, h, shade(planet, 0.35)));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(alpha(Color.WHITE, 50));
        for (int i = 0; i < 4; i++) {
            double band = cy - r + 18 + i * 16 + rnd.nextDouble() * 8;
            g.fill(new Ellipse2D.Double(cx - r * 0.7, band, r * 1.4, 5));
        }
        double mx = w * (rnd.nextBoolean() ? 0.2 : 0.8), my = h * 0.28, mr = h * 0.08;
        g.setColor(new Color(0xD8D4CC));
        g.fill(new Ellipse2D.Double(mx - mr, my - mr, 2 * mr, 2 * mr));
        g.setColor(new Color(0xB9B3A8));
        g.fill(new Ellipse2D.Double(mx - mr * 0.3, my - mr * 0.4, mr * 0.5, mr * 0.45));
        g.fill(new Ellipse2D.Double(mx + mr * 0.2, my + mr * 0.2, mr * 0.35, mr * 0.3));
    }

    /** A city at golden hour, windows lit; sometimes a classical facade in front for history. */
    static void skyline(Graphics2D g, SplittableRandom rnd, int w, int h) {
        Color[] sky = SKIES[1 + rnd.nextInt(2)];
        g.setPaint(new GradientPaint(0, 0, sky[0], 0, h, sky[1]));
        g.fillRect(0, 0, w, h);
        for (int layer = 0; layer < 2; layer++) {
            Color c = layer == 0 ? mix(new Color(0x3D3B5C), sky[1], 0.45) : new Color(0x23213A);
            double x = -10;
            while (x < w) {
                double bw = 24 + rnd.nextDouble() * 40, bh = h * (0.25 + rnd.nextDouble() * (layer == 0 ? 0.45 : 0.35));
                g.setColor(c);
                g.fill(new Rectangle2D.Double(x, h - bh, bw, bh));
                if (layer == 1) {
                    g.setColor(alpha(new Color(0xFFD67A), 200));
                    for (double wy = h - bh + 8; wy < h - 10; wy += 12) {
                        for (double wx = x + 5; wx < x + bw - 8; wx += 9) {
                            if (rnd.nextInt(3) > 0) {
                                g.fill(new Rectangle2D.Double(wx, wy, 4, 6));
                            }
                        }
                    }
                }
                x += bw + (layer == 0 ? 2 : 4);
            }
        }
        if (rnd.nextBoolean()) {
            double fx = w * (0.3 + rnd.nextDouble() * 0.3), fw = w * 0.34, top = h * 0.52;
            Color stone = new Color(0xE8DCC4);
            g.setColor(stone);
            Path2D.Double roof = new Path2D.Double();
            roof.moveTo(fx - 8, top);
            roof.lineTo(fx + fw / 2, top - h * 0.12);
            roof.lineTo(fx + fw + 8, top);
            roof.closePath();
            g.fill(roof);
            g.fill(new Rectangle2D.Double(fx - 8, top, fw + 16, 8));
            g.fill(new Rectangle2D.Double(fx - 12, h - 12, fw + 24, 12));
            for (int i = 0; i < 6; i++) {
                g.fill(new Rectangle2D.Double(fx + i * (fw - 12) / 5, top + 8, 12, h - top - 20));
            }
        }
    }

    private static Path2D.Double ridge(SplittableRandom rnd, int w, double base, double amp, int peaks, double bottom) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, bottom);
        double step = (double) w / peaks;
        for (int i = 0; i <= peaks; i++) {
            p.lineTo(i * step, base + rnd.nextDouble() * amp * 0.5);
            p.lineTo(i * step + step / 2, base - amp * (0.4 + rnd.nextDouble() * 0.6));
        }
        p.lineTo(w, bottom);
        p.closePath();
        return p;
    }

    private static void tree(Graphics2D g, double x, double ground, double height, Color c) {
        g.setColor(c);
        for (int i = 0; i < 3; i++) {
            double top = ground - height + i * height * 0.25, half = height * (0.14 + i * 0.06);
            Path2D.Double t = new Path2D.Double();
            t.moveTo(x, top);
            t.lineTo(x + half, top + height * 0.4);
            t.lineTo(x - half, top + height * 0.4);
            t.closePath();
            g.fill(t);
        }
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
