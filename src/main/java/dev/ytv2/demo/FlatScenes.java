package dev.ytv2.demo;

import static dev.ytv2.demo.ThumbnailPainter.alpha;
import static dev.ytv2.demo.ThumbnailPainter.flat;
import static dev.ytv2.demo.ThumbnailPainter.shade;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

/** Flat, graphic scenes: a presentation slide, a market chart, a plate seen from above. */
final class FlatScenes {

    private FlatScenes() {}

    /** A title slide: bold shapes bleeding off the edges and two bars where a headline would sit. */
    static void slide(Graphics2D g, SplittableRandom rnd, int w, int h) {
        Color bg = flat(rnd);
        g.setColor(bg);
        g.fillRect(0, 0, w, h);
        g.setColor(alpha(Color.WHITE, 40));
        for (int y = 18; y < h; y += 22) {
            for (int x = 18; x < w; x += 22) {
                g.fill(new Ellipse2D.Double(x - 1.5, y - 1.5, 3, 3));
            }
        }
        double r = h * (0.45 + rnd.nextDouble() * 0.25);
        boolean right = rnd.nextBoolean();
        double cx = right ? w * 0.78 : w * 0.22;
        Color disc = ThumbnailPainter.flatOtherThan(bg, rnd);
        g.setColor(disc);
        g.fill(new Ellipse2D.Double(cx - r, h * 0.55 - r, 2 * r, 2 * r));
        Path2D.Double tri = new Path2D.Double();
        double tx = right ? w * 0.62 : w * 0.12, ty = h * 0.2, ts = h * (0.25 + rnd.nextDouble() * 0.15);
        tri.moveTo(tx, ty + ts);
        tri.lineTo(tx + ts * 0.58, ty);
        tri.lineTo(tx + ts * 1.16, ty + ts);
        tri.closePath();
        Color triangle = ThumbnailPainter.flatOtherThan(disc, rnd);
        g.setColor(triangle.equals(bg) ? Color.WHITE : triangle);
        g.fill(tri);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double sx = right ? w * 0.86 : w * 0.34;
        g.draw(new RoundRectangle2D.Double(sx - 30, h * 0.72, 60, 60, 14, 14));
        double left = right ? w * 0.07 : w * 0.5;
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(new RoundRectangle2D.Double(left, h * 0.34, w * (0.34 + rnd.nextDouble() * 0.08), h * 0.11, 12, 12));
        g.fill(new RoundRectangle2D.Double(left, h * 0.5, w * (0.22 + rnd.nextDouble() * 0.1), h * 0.11, 12, 12));
        g.setColor(shade(bg, 0.55));
        g.fill(new RoundRectangle2D.Double(left, h * 0.68, w * 0.16, h * 0.05, 8, 8));
    }

    /** An explainer diagram: a headline strip and a few connected nodes, one of them highlighted. */
    static void diagram(Graphics2D g, SplittableRandom rnd, int w, int h) {
        Color bg = rnd.nextBoolean() ? new Color(0xF4F1EA) : new Color(0x14213D);
        Color ink = bg.getRed() > 128 ? new Color(0x1D3557) : new Color(0xE5E5E5);
        g.setColor(bg);
        g.fillRect(0, 0, w, h);
        g.setColor(ink);
        g.fill(new RoundRectangle2D.Double(w * 0.08, h * 0.1, w * (0.45 + rnd.nextDouble() * 0.2), h * 0.09, 10, 10));
        int nodes = 3 + rnd.nextInt(3);
        double[][] at = new double[nodes][];
        for (int i = 0; i < nodes; i++) {
            at[i] = new double[] {w * (0.14 + 0.72 * i / (nodes - 1)), h * (0.45 + (i % 2) * 0.25 + rnd.nextDouble() * 0.08)};
        }
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(alpha(ink, 160));
        for (int i = 1; i < nodes; i++) {
            g.draw(new java.awt.geom.Line2D.Double(at[i - 1][0], at[i - 1][1], at[i][0], at[i][1]));
        }
        int hot = rnd.nextInt(nodes);
        Color accent = flat(rnd);
        for (int i = 0; i < nodes; i++) {
            double s = i == hot ? 62 : 46;
            g.setColor(i == hot ? accent : ThumbnailPainter.flatOtherThan(accent, rnd));
            if (rnd.nextBoolean()) {
                g.fill(new Ellipse2D.Double(at[i][0] - s / 2, at[i][1] - s / 2, s, s));
            } else {
                g.fill(new RoundRectangle2D.Double(at[i][0] - s / 2, at[i][1] - s / 2, s, s, 14, 14));
            }
        }
        g.setColor(alpha(accent, 90));
        g.setStroke(new BasicStroke(3));
        g.draw(new Ellipse2D.Double(at[hot][0] - 44, at[hot][1] - 44, 88, 88));
    }

    /** Candlesticks over a grid, drawn from a random walk so each chart tells its own story. */
    static void chart(Graphics2D g, SplittableRandom rnd, int w, int h) {
        g.setColor(new Color(0x0E1726));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0x1C2A40));
        g.setStroke(new BasicStroke(1));
        for (int y = 30; y < h; y += 40) {
            g.drawLine(0, y, w, y);
        }
        for (int x = 40; x < w; x += 60) {
            g.drawLine(x, 0, x, h);
        }
        int candles = 26;
        double step = (double) w / (candles + 2);
        double price = h * 0.6, drift = (rnd.nextDouble() - 0.35) * 6;
        Path2D.Double trend = new Path2D.Double();
        for (int i = 0; i < candles; i++) {
            double open = price;
            price = Math.max(h * 0.15, Math.min(h * 0.88, price - drift + rnd.nextGaussian() * 12));
            double hi = Math.min(open, price) - rnd.nextDouble() * 10, lo = Math.max(open, price) + rnd.nextDouble() * 10;
            double x = step * (i + 1);
            Color c = price < open ? new Color(0x26D07C) : new Color(0xF0455A);
            g.setColor(c);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new java.awt.geom.Line2D.Double(x, hi, x, lo));
            g.fill(new java.awt.geom.Rectangle2D.Double(x - step * 0.3, Math.min(open, price), step * 0.6,
                    Math.max(2, Math.abs(open - price))));
            if (i == 0) {
                trend.moveTo(x, (open + price) / 2);
            } else {
                trend.lineTo(x, (open + price) / 2);
            }
        }
        g.setColor(new Color(0xF5C542));
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(trend);
        double lx = step * candles;
        g.setColor(alpha(new Color(0xF5C542), 70));
        g.fill(new Ellipse2D.Double(lx - 14, price - 14, 28, 28));
        g.setColor(new Color(0xF5C542));
        g.fill(new Ellipse2D.Double(lx - 5, price - 5, 10, 10));
    }

    /** A plate from above on a wooden table: the classic recipe-video shot. */
    static void plate(Graphics2D g, SplittableRandom rnd, int w, int h) {
        Color wood = new Color(0x8B5A2B + rnd.nextInt(3) * 0x0A0805);
        for (int y = 0, i = 0; y < h; y += 34, i++) {
            g.setColor(shade(wood, 0.85 + (i % 3) * 0.08 + rnd.nextDouble() * 0.05));
            g.fillRect(0, y, w, 34);
            g.setColor(shade(wood, 0.7));
            g.fillRect(0, y + 33, w, 1);
        }
        double cx = w * (0.45 + rnd.nextDouble() * 0.12), cy = h * 0.52, r = h * 0.42;
        g.setColor(alpha(Color.BLACK, 60));
        g.fill(new Ellipse2D.Double(cx - r + 6, cy - r + 8, 2 * r, 2 * r));
        g.setColor(new Color(0xF4F1EA));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(new Color(0xE3DED3));
        g.fill(new Ellipse2D.Double(cx - r * 0.72, cy - r * 0.72, r * 1.44, r * 1.44));
        Color[] food = {new Color(0x6A994E), new Color(0xBC4749), new Color(0xF2C14E), new Color(0xE76F51), new Color(0xA7C957)};
        Color base = rnd.nextBoolean() ? new Color(0xE9D8A6) : new Color(0xC8553D);
        g.setColor(base);
        g.fill(new Ellipse2D.Double(cx - r * 0.55, cy - r * 0.5, r * 1.1, r * 1.0));
        for (int i = 0; i < 22; i++) {
            double a = rnd.nextDouble() * Math.PI * 2, d = Math.sqrt(rnd.nextDouble()) * r * 0.45;
            double s = r * (0.06 + rnd.nextDouble() * 0.1);
            g.setColor(food[rnd.nextInt(food.length)]);
            g.fill(new Ellipse2D.Double(cx + Math.cos(a) * d - s / 2, cy + Math.sin(a) * d - s / 2, s, s * 0.8));
        }
        g.setColor(new Color(0xC9CED6));
        g.fill(new RoundRectangle2D.Double(cx + r + 18, cy - r * 0.8, 12, r * 1.6, 10, 10));
        g.setColor(flat(rnd));
        g.fill(new RoundRectangle2D.Double(cx - r - 70, cy - r * 0.6, 46, r * 1.3, 6, 6));
    }
}
