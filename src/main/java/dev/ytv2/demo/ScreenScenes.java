package dev.ytv2.demo;

import static dev.ytv2.demo.ThumbnailPainter.alpha;
import static dev.ytv2.demo.ThumbnailPainter.flat;
import static dev.ytv2.demo.ThumbnailPainter.shade;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

/** Screens: a code editor on a monitor, a forum thread, a pixel-art game. */
final class ScreenScenes {

    private static final Color[] SYNTAX = {
            new Color(0xC792EA), new Color(0x82AAFF), new Color(0xC3E88D), new Color(0xF78C6C), new Color(0x89DDFF)};

    private ScreenScenes() {}

    static void code(Graphics2D g, SplittableRandom rnd, int w, int h) {
        Color desk = flat(rnd);
        g.setPaint(new GradientPaint(0, 0, shade(desk, 0.9), w, h, shade(desk, 0.45)));
        g.fillRect(0, 0, w, h);
        double mx = w * 0.1, my = h * 0.1, mw = w * 0.8, mh = h * 0.8;
        g.setColor(alpha(Color.BLACK, 70));
        g.fill(new RoundRectangle2D.Double(mx + 8, my + 10, mw, mh, 18, 18));
        g.setColor(new Color(0x1B1E28));
        g.fill(new RoundRectangle2D.Double(mx, my, mw, mh, 18, 18));
        g.setColor(new Color(0x262A36));
        g.fill(new RoundRectangle2D.Double(mx, my, mw, 22, 18, 18));
        g.fill(new Rectangle2D.Double(mx, my + 11, mw, 11));
        Color[] dots = {new Color(0xFF5F57), new Color(0xFEBC2E), new Color(0x28C840)};
        for (int i = 0; i < 3; i++) {
            g.setColor(dots[i]);
            g.fill(new Ellipse2D.Double(mx + 12 + i * 16, my + 6, 10, 10));
        }
        g.setColor(new Color(0x22252F));
        g.fill(new Rectangle2D.Double(mx, my + 22, 34, mh - 22));
        int indent = 0;
        for (double y = my + 34; y < my + mh - 12; y += 14) {
            g.setColor(new Color(0x4B5063));
            g.fill(new Rectangle2D.Double(mx + 12, y, 12, 5));
            indent = Math.max(0, Math.min(4, indent + rnd.nextInt(3) - 1));
            double x = mx + 46 + indent * 16;
            int tokens = 1 + rnd.nextInt(4);
            for (int t = 0; t < tokens && x < mx + mw - 40; t++) {
                double len = 14 + rnd.nextDouble() * 60;
                g.setColor(rnd.nextInt(3) == 0 ? new Color(0xA6ACCD) : SYNTAX[rnd.nextInt(SYNTAX.length)]);
                g.fill(new RoundRectangle2D.Double(x, y, Math.min(len, mx + mw - 20 - x), 6, 6, 6));
                x += len + 7;
            }
        }
    }

    /** A forum thread: a post card with votes and a couple of indented replies. */
    static void thread(Graphics2D g, SplittableRandom rnd, int w, int h) {
        boolean dark = rnd.nextBoolean();
        Color page = dark ? new Color(0x0E1113) : new Color(0xDAE0E6);
        Color card = dark ? new Color(0x1A1D21) : Color.WHITE;
        Color ink = dark ? new Color(0x5C6670) : new Color(0xB8C0C8);
        g.setColor(page);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0xFF4500));
        g.fillRect(0, 0, w, 26);
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(10, 5, 16, 16));
        g.setColor(card);
        g.fill(new RoundRectangle2D.Double(20, 38, w - 40, 120, 10, 10));
        vote(g, 40, 62, new Color(0xFF4500), true);
        vote(g, 40, 112, ink, false);
        g.setColor(flat(rnd));
        g.fill(new Ellipse2D.Double(66, 48, 18, 18));
        g.setColor(ink);
        g.fill(new RoundRectangle2D.Double(90, 53, 90, 8, 8, 8));
        // Half the posts carry a photo preview, as image posts do; it also keeps threads from looking alike.
        boolean photo = rnd.nextBoolean();
        double textWidth = photo ? w - 250 : w - 130;
        g.setColor(dark ? new Color(0xD7DADC) : new Color(0x1A1A1B));
        g.fill(new RoundRectangle2D.Double(66, 76, textWidth * (0.8 + rnd.nextDouble() * 0.2), 13, 8, 8));
        g.setColor(ink);
        for (int i = 0; i < 3; i++) {
            g.fill(new RoundRectangle2D.Double(66, 100 + i * 14, textWidth * (i == 2 ? 0.5 : 0.85 + rnd.nextDouble() * 0.1), 7, 7, 7));
        }
        if (photo) {
            preview(g, rnd, w - 172, 48, 140, 100);
        }
        for (int c = 0; c < 2; c++) {
            double y = 170 + c * 48, x = 30 + c * 28;
            g.setColor(card);
            g.fill(new RoundRectangle2D.Double(x, y, w - x - 20, 40, 8, 8));
            g.setColor(alpha(ink, 160));
            g.fill(new Rectangle2D.Double(x + 10, y + 8, 2, 26));
            g.setColor(flat(rnd));
            g.fill(new Ellipse2D.Double(x + 20, y + 7, 12, 12));
            g.setColor(ink);
            g.fill(new RoundRectangle2D.Double(x + 40, y + 9, (w - x - 90) * (0.5 + rnd.nextDouble() * 0.4), 7, 7, 7));
            g.fill(new RoundRectangle2D.Double(x + 40, y + 23, (w - x - 90) * (0.3 + rnd.nextDouble() * 0.3), 7, 7, 7));
        }
    }

    /** A side-scroller in chunky pixels: stepped sky, terrain columns, coins and a hero block. */
    static void game(Graphics2D g, SplittableRandom rnd, int w, int h) {
        int px = 15;
        Color skyTop = rnd.nextBoolean() ? new Color(0x5C94FC) : new Color(0x2B1B54);
        for (int y = 0; y < h; y += px * 3) {
            g.setColor(WorldScenes.mix(skyTop, new Color(0xFFC8A2), (double) y / h));
            g.fillRect(0, y, w, px * 3);
        }
        Color grass = new Color(0x3CB043), dirt = new Color(0xA0522D);
        int height = 5 + rnd.nextInt(3);
        for (int x = 0; x < w; x += px) {
            if (rnd.nextInt(5) == 0) {
                height = Math.max(3, Math.min(9, height + rnd.nextInt(3) - 1));
            }
            for (int k = 0; k < height; k++) {
                int y = h - (k + 1) * px;
                g.setColor(k == height - 1 ? grass : shade(dirt, (k + x / px) % 2 == 0 ? 1.0 : 0.88));
                g.fillRect(x, y, px, px);
            }
        }
        for (int i = 0; i < 6; i++) {
            double cx = w * 0.15 + i * w * 0.12, cy = h * (0.3 + 0.1 * Math.sin(i));
            g.setColor(new Color(0xFFD700));
            g.fill(new Ellipse2D.Double(cx, cy, px, px * 1.3));
            g.setColor(new Color(0xFFF3A0));
            g.fillRect((int) cx + 5, (int) cy + 4, 3, 10);
        }
        g.setColor(flat(rnd));
        g.fillRect(w / 3, h - 12 * px, px * 2, px * 3);
        g.setColor(new Color(0xFFE0BD));
        g.fillRect(w / 3 + 4, h - 12 * px + 4, px + 8, px - 4);
        g.setColor(new Color(0xE63946));
        for (int i = 0; i < 3; i++) {
            g.fillRect(12 + i * 22, 12, 16, 14);
        }
    }

    /** A tiny photo: sky, sun and a hill in flat colours, clipped to a rounded frame. */
    private static void preview(Graphics2D g, SplittableRandom rnd, double x, double y, double pw, double ph) {
        java.awt.Shape saved = g.getClip();
        RoundRectangle2D.Double frame = new RoundRectangle2D.Double(x, y, pw, ph, 10, 10);
        g.clip(frame);
        Color sky = flat(rnd);
        g.setPaint(new GradientPaint((float) x, (float) y, shade(sky, 1.1), (float) x, (float) (y + ph), shade(sky, 0.6)));
        g.fill(frame);
        g.setColor(new Color(0xFFF1C1));
        g.fill(new Ellipse2D.Double(x + pw * (0.2 + rnd.nextDouble() * 0.5), y + ph * 0.2, ph * 0.22, ph * 0.22));
        Path2D.Double hill = new Path2D.Double();
        hill.moveTo(x, y + ph);
        hill.lineTo(x, y + ph * 0.7);
        hill.quadTo(x + pw * rnd.nextDouble(), y + ph * (0.3 + rnd.nextDouble() * 0.2), x + pw, y + ph * 0.75);
        hill.lineTo(x + pw, y + ph);
        hill.closePath();
        g.setColor(shade(flat(rnd), 0.55));
        g.fill(hill);
        g.setClip(saved);
    }

    private static void vote(Graphics2D g, double x, double y, Color c, boolean up) {
        Path2D.Double arrow = new Path2D.Double();
        double d = up ? -1 : 1;
        arrow.moveTo(x, y + d * 10);
        arrow.lineTo(x + 10, y);
        arrow.lineTo(x - 10, y);
        arrow.closePath();
        g.setColor(c);
        g.fill(arrow);
        g.fill(new Rectangle2D.Double(x - 4, up ? y : y - 8, 8, 8));
    }
}
