package dev.ytv2.demo;

import static dev.ytv2.demo.ThumbnailPainter.alpha;
import static dev.ytv2.demo.ThumbnailPainter.flat;
import static dev.ytv2.demo.ThumbnailPainter.shade;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

/** People: a host in a studio next to a headline panel, and a stage under spotlights. */
final class PeopleScenes {

    private static final Color[] SKIN = {
            new Color(0xF1C27D), new Color(0xE0AC69), new Color(0xC68642), new Color(0x8D5524), new Color(0xFFDBAC)};
    private static final Color[] HAIR = {
            new Color(0x2C1B10), new Color(0x6A4E42), new Color(0xB55239), new Color(0x1C1C1C), new Color(0xD6C4A8)};

    private PeopleScenes() {}

    /** The talking-head thumbnail: blurred studio behind, host on one third, a bold panel on the other. */
    static void host(Graphics2D g, SplittableRandom rnd, int w, int h) {
        Color back = flat(rnd);
        g.setPaint(new GradientPaint(0, 0, shade(back, 0.5), w, h, shade(back, 0.2)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 14; i++) {
            double r = 10 + rnd.nextDouble() * 26;
            g.setColor(alpha(new Color(0xFFE8B0), 25 + rnd.nextInt(40)));
            g.fill(new Ellipse2D.Double(rnd.nextDouble() * w, rnd.nextDouble() * h * 0.7, r, r));
        }
        boolean left = rnd.nextBoolean();
        double cx = left ? w * 0.28 : w * 0.72;
        Color shirt = flat(rnd);
        Path2D.Double body = new Path2D.Double();
        body.moveTo(cx - w * 0.2, h);
        body.curveTo(cx - w * 0.2, h * 0.72, cx - w * 0.1, h * 0.66, cx, h * 0.66);
        body.curveTo(cx + w * 0.1, h * 0.66, cx + w * 0.2, h * 0.72, cx + w * 0.2, h);
        body.closePath();
        g.setColor(shirt);
        g.fill(body);
        Color skin = SKIN[rnd.nextInt(SKIN.length)];
        g.setColor(shade(skin, 0.85));
        g.fill(new RoundRectangle2D.Double(cx - 14, h * 0.55, 28, h * 0.14, 10, 10));
        double hr = h * 0.17, hy = h * 0.42;
        g.setColor(HAIR[rnd.nextInt(HAIR.length)]);
        g.fill(new Ellipse2D.Double(cx - hr * 1.08, hy - hr * 1.12, hr * 2.16, hr * (rnd.nextBoolean() ? 1.5 : 2.3)));
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(cx - hr * 0.9, hy - hr * 0.85, hr * 1.8, hr * 2.0));
        g.setColor(new Color(0x2B2B2B));
        g.fill(new Ellipse2D.Double(cx - hr * 0.42, hy + hr * 0.02, hr * 0.18, hr * 0.22));
        g.fill(new Ellipse2D.Double(cx + hr * 0.24, hy + hr * 0.02, hr * 0.18, hr * 0.22));
        g.setColor(shade(skin, 0.7));
        g.fill(new Ellipse2D.Double(cx - hr * 0.25, hy + hr * 0.55, hr * 0.5, hr * 0.2));

        double px = left ? w * 0.52 : w * 0.06, pw = w * 0.42;
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(left ? -3 : 3), px + pw / 2, h * 0.4);
        g.setColor(rnd.nextBoolean() ? new Color(0xFFD60A) : Color.WHITE);
        g.fill(new RoundRectangle2D.Double(px, h * 0.18, pw, h * 0.44, 14, 14));
        g.setColor(new Color(0x111111));
        g.fill(new RoundRectangle2D.Double(px + 16, h * 0.26, pw * 0.8, h * 0.1, 8, 8));
        g.fill(new RoundRectangle2D.Double(px + 16, h * 0.41, pw * 0.55, h * 0.1, 8, 8));
        g.setTransform(saved);
        g.setColor(new Color(0xE63946));
        double ax = left ? w * 0.6 : w * 0.3, ay = h * 0.8;
        Path2D.Double arrow = new Path2D.Double();
        double d = left ? -1 : 1;
        arrow.moveTo(ax, ay - 10);
        arrow.lineTo(ax + d * 40, ay - 10);
        arrow.lineTo(ax + d * 40, ay - 22);
        arrow.lineTo(ax + d * 64, ay);
        arrow.lineTo(ax + d * 40, ay + 22);
        arrow.lineTo(ax + d * 40, ay + 10);
        arrow.lineTo(ax, ay + 10);
        arrow.closePath();
        g.fill(arrow);
    }

    /** A concert: coloured beams through haze, a lit stage, the crowd in silhouette. */
    static void stage(Graphics2D g, SplittableRandom rnd, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x07040F), 0, h, new Color(0x1E0B33)));
        g.fillRect(0, 0, w, h);
        int beams = 4 + rnd.nextInt(3);
        for (int i = 0; i < beams; i++) {
            double x = w * (i + 0.5) / beams;
            double spread = w * (0.08 + rnd.nextDouble() * 0.08), tilt = (rnd.nextDouble() - 0.5) * w * 0.4;
            Color c = flat(rnd);
            Path2D.Double beam = new Path2D.Double();
            beam.moveTo(x - 4, 0);
            beam.lineTo(x + 4, 0);
            beam.lineTo(x + tilt + spread, h * 0.75);
            beam.lineTo(x + tilt - spread, h * 0.75);
            beam.closePath();
            g.setPaint(new GradientPaint(0, 0, alpha(c, 150), 0, (float) (h * 0.75), alpha(c, 10)));
            g.fill(beam);
        }
        g.setPaint(new GradientPaint(0, (float) (h * 0.68), new Color(0x3A2A5A), 0, h, new Color(0x120A20)));
        g.fillRect(0, (int) (h * 0.68), w, h);
        g.setColor(new Color(0x050308));
        for (double x = -10; x < w + 10; x += 18 + rnd.nextDouble() * 10) {
            double head = 9 + rnd.nextDouble() * 4, top = h * (0.8 + rnd.nextDouble() * 0.06);
            g.fill(new Ellipse2D.Double(x - head, top - head * 2, head * 2, head * 2.2));
            g.fill(new RoundRectangle2D.Double(x - head * 1.8, top, head * 3.6, h - top + 10, 14, 14));
            if (rnd.nextInt(5) == 0) {
                g.fill(new RoundRectangle2D.Double(x + head, top - head * 5, 6, head * 5, 6, 6));
            }
        }
    }
}
