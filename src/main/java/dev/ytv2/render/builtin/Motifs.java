package dev.ytv2.render.builtin;

import dev.ytv2.render.builtin.PromptReading.Light;
import dev.ytv2.render.builtin.PromptReading.Motif;
import dev.ytv2.render.builtin.PromptScene.Tones;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** The drawable subjects: simple, readable silhouettes, as a poster artist would reduce them. */
final class Motifs {

    private Motifs() {}

    static void landscape(Graphics2D g, Motif m, Tones t, Light light, SplittableRandom rnd, int w, int h, double horizon) {
        switch (m) {
            case MOUNTAINS -> mountains(g, t, rnd, w, h, horizon);
            case SEA -> sea(g, t, rnd, w, h, horizon);
            case CITY -> city(g, t, light, rnd, w, h, horizon);
            case FOREST -> forest(g, t, rnd, w, h, horizon);
            case TEMPLE -> temple(g, t, rnd, w, h, horizon);
            case LIGHTHOUSE -> lighthouse(g, t, light, rnd, w, h, horizon);
            default -> { }
        }
    }

    static void stillLife(Graphics2D g, Motif m, Tones t, SplittableRandom rnd, int w, int h) {
        Palette p = t.palette();
        switch (m) {
            case SPACE -> space(g, t, rnd, w, h);
            case FOOD -> food(g, p, rnd, w, h);
            case NETWORK -> network(g, p, rnd, w, h);
            case CHART -> chart(g, p, rnd, w, h);
            case STAGE -> stage(g, p, rnd, w, h);
            case MOLECULE -> molecule(g, p, rnd, w, h, w * 0.5, h * 0.5, h * 0.11);
            default -> { }
        }
    }

    /** A small echo of a second subject, so "a lab for the stock market" shows both. */
    static void accent(Graphics2D g, Motif m, Tones t, SplittableRandom rnd, int w, int h) {
        if (m == Motif.MOLECULE) molecule(g, t.palette(), rnd, w, h, w * 0.85, h * 0.22, h * 0.04);
        if (m == Motif.SPACE) SoftLight.stars(g, t.palette(), rnd, w, h, 60);
        if (m == Motif.NETWORK || m == Motif.CHART) nodes(g, t.palette(), rnd, w, h, 7, h * 0.006);
    }

    private static void mountains(Graphics2D g, Tones t, SplittableRandom rnd, int w, int h, double horizon) {
        for (int layer = 0; layer < 3; layer++) {
            double depth = layer / 2.0;
            Color c = Palette.mix(t.far(), t.near(), depth * 0.8);
            Path2D.Double ridge = new Path2D.Double();
            ridge.moveTo(-10, horizon + 2);
            int peaks = 3 + rnd.nextInt(3);
            double step = (w + 20.0) / peaks;
            for (int i = 0; i <= peaks; i++) {
                double x = -10 + i * step;
                ridge.lineTo(x + step * 0.5, horizon - h * (0.12 + 0.2 * rnd.nextDouble()) * (1.2 - depth * 0.5));
                ridge.lineTo(x + step, horizon - h * 0.04 * rnd.nextDouble());
            }
            ridge.lineTo(w + 10, horizon + 2);
            ridge.closePath();
            g.setPaint(new GradientPaint(0, (float) (horizon - h * 0.3), Palette.mix(c, t.sun(), 0.15), 0, (float) horizon, c));
            g.fill(ridge);
        }
        ground(g, t, w, h, horizon);
    }

    private static void ground(Graphics2D g, Tones t, int w, int h, double horizon) {
        g.setPaint(new GradientPaint(0, (float) horizon, t.near(), 0, h, Palette.mix(t.near(), t.palette().deep(), 0.6)));
        g.fill(new Rectangle2D.Double(0, horizon, w, h - horizon + 1));
    }

    private static void sea(Graphics2D g, Tones t, SplittableRandom rnd, int w, int h, double horizon) {
        g.setPaint(new GradientPaint(0, (float) horizon, Palette.mix(t.skyBottom(), t.water(), 0.5), 0, h,
                Palette.mix(t.water(), t.palette().deep(), 0.55)));
        g.fill(new Rectangle2D.Double(0, horizon, w, h - horizon + 1));
        // Glints on the water under the sun, longer and sparser towards the viewer.
        g.setStroke(new BasicStroke(Math.max(1f, h / 300f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 40; i++) {
            double y = horizon + Math.pow(rnd.nextDouble(), 1.6) * (h - horizon);
            double len = w * (0.01 + 0.05 * (y - horizon) / (h - horizon)) * (0.5 + rnd.nextDouble());
            double x = rnd.nextDouble() * w;
            g.setPaint(Palette.withAlpha(Palette.mix(t.sun(), Color.WHITE, 0.3), 0.25 + rnd.nextDouble() * 0.35));
            g.draw(new Line2D.Double(x - len / 2, y, x + len / 2, y));
        }
    }

    private static void city(Graphics2D g, Tones t, Light light, SplittableRandom rnd, int w, int h, double horizon) {
        boolean lit = light == Light.NIGHT || light == Light.GOLDEN;
        for (int layer = 0; layer < 2; layer++) {
            Color c = layer == 0 ? Palette.mix(t.far(), t.near(), 0.3) : t.near();
            double x = -5;
            while (x < w) {
                double bw = w * (0.035 + rnd.nextDouble() * 0.05), bh = h * (0.12 + rnd.nextDouble() * (layer == 0 ? 0.33 : 0.22));
                g.setColor(c);
                g.fill(new Rectangle2D.Double(x, horizon - bh, bw, bh + 2));
                if (layer == 1 && lit) {
                    g.setColor(Palette.withAlpha(Palette.mix(t.sun(), t.palette().glow(), 0.4), 0.85));
                    double cell = Math.max(3, w / 160.0);
                    for (double wy = horizon - bh + cell; wy < horizon - cell; wy += cell * 2) {
                        for (double wx = x + cell * 0.6; wx < x + bw - cell; wx += cell * 1.6) {
                            if (rnd.nextInt(3) > 0) g.fill(new Rectangle2D.Double(wx, wy, cell * 0.7, cell));
                        }
                    }
                }
                x += bw + w * 0.004;
            }
        }
        ground(g, t, w, h, horizon);
    }

    private static void forest(Graphics2D g, Tones t, SplittableRandom rnd, int w, int h, double horizon) {
        ground(g, t, w, h, horizon);
        Color far = Palette.mix(t.far(), new Color(0x2F6B45), 0.35);
        Color near = Palette.mix(t.near(), new Color(0x1E4D2F), 0.45);
        for (int row = 0; row < 2; row++) {
            int n = row == 0 ? 26 : 9;
            for (int i = 0; i < n; i++) {
                double x = rnd.nextDouble() * w;
                double size = h * (row == 0 ? 0.12 + rnd.nextDouble() * 0.08 : 0.3 + rnd.nextDouble() * 0.25);
                double base = horizon + (row == 0 ? h * 0.01 : h * (0.15 + rnd.nextDouble() * 0.3));
                conifer(g, x, base, size, row == 0 ? far : near);
            }
        }
    }

    private static void conifer(Graphics2D g, double x, double base, double size, Color c) {
        g.setColor(c);
        for (int i = 0; i < 3; i++) {
            double top = base - size + i * size * 0.24, half = size * (0.16 + i * 0.07);
            Path2D.Double tier = new Path2D.Double();
            tier.moveTo(x, top);
            tier.lineTo(x + half, top + size * 0.42);
            tier.lineTo(x - half, top + size * 0.42);
            tier.closePath();
            g.fill(tier);
        }
        g.fill(new Rectangle2D.Double(x - size * 0.025, base - size * 0.1, size * 0.05, size * 0.1));
    }

    private static void temple(Graphics2D g, Tones t, SplittableRandom rnd, int w, int h, double horizon) {
        ground(g, t, w, h, horizon);
        double fw = w * (0.32 + rnd.nextDouble() * 0.12), fx = (w - fw) * (0.3 + rnd.nextDouble() * 0.4);
        double top = horizon - h * 0.3, colH = h * 0.24;
        Color stone = Palette.mix(new Color(0xEDE3CF), t.sun(), 0.25);
        Color shade = Palette.mix(stone, t.near(), 0.45);
        Path2D.Double roof = new Path2D.Double();
        roof.moveTo(fx - fw * 0.04, top);
        roof.lineTo(fx + fw / 2, top - h * 0.1);
        roof.lineTo(fx + fw * 1.04, top);
        roof.closePath();
        g.setColor(stone);
        g.fill(roof);
        g.fill(new Rectangle2D.Double(fx - fw * 0.04, top, fw * 1.08, h * 0.025));
        int cols = 6;
        for (int i = 0; i < cols; i++) {
            double cx = fx + fw * (0.04 + i * 0.92 / (cols - 1));
            g.setPaint(new GradientPaint((float) (cx - fw * 0.03), 0, stone, (float) (cx + fw * 0.03), 0, shade));
            g.fill(new Rectangle2D.Double(cx - fw * 0.028, top + h * 0.025, fw * 0.056, colH));
        }
        g.setColor(shade);
        for (int s = 0; s < 3; s++) {
            g.fill(new Rectangle2D.Double(fx - fw * (0.05 + s * 0.03), top + h * 0.025 + colH + s * h * 0.018, fw * (1.1 + s * 0.06), h * 0.02));
        }
    }

    private static void lighthouse(Graphics2D g, Tones t, Light light, SplittableRandom rnd, int w, int h, double horizon) {
        boolean right = rnd.nextBoolean();
        double x = w * (right ? 0.68 + rnd.nextDouble() * 0.12 : 0.2 + rnd.nextDouble() * 0.12);
        double base = horizon + h * 0.16, towerH = h * 0.46, bw = h * 0.075, tw = h * 0.045;
        // The rock it stands on.
        Path2D.Double rock = new Path2D.Double();
        rock.moveTo(x - h * 0.28, h + 2);
        rock.curveTo(x - h * 0.2, base - h * 0.02, x + h * 0.12, base - h * 0.05, x + h * 0.3, h + 2);
        rock.closePath();
        g.setColor(Palette.mix(t.near(), Color.BLACK, 0.3));
        g.fill(rock);
        if (light != Light.DAY) {
            // The beam, a soft wedge towards the open sea.
            double lx = x, ly = base - towerH - h * 0.05, dir = right ? -1 : 1;
            Path2D.Double beam = new Path2D.Double();
            beam.moveTo(lx, ly);
            beam.lineTo(lx + dir * w * 0.75, ly - h * 0.12);
            beam.lineTo(lx + dir * w * 0.75, ly + h * 0.1);
            beam.closePath();
            g.setPaint(new GradientPaint((float) lx, (float) ly, Palette.withAlpha(new Color(0xFFF1C1), 0.55),
                    (float) (lx + dir * w * 0.75), (float) ly, Palette.withAlpha(new Color(0xFFF1C1), 0)));
            g.fill(beam);
        }
        Color white = Palette.mix(new Color(0xF4F1EA), t.sun(), 0.2);
        Color band = Palette.mix(new Color(0xC8372D), t.palette().accent(0), 0.25);
        int bands = 5;
        for (int i = 0; i < bands; i++) {
            double y0 = base - towerH * i / bands, y1 = base - towerH * (i + 1) / bands;
            double w0 = bw + (tw - bw) * i / bands, w1 = bw + (tw - bw) * (i + 1) / bands;
            Path2D.Double seg = new Path2D.Double();
            seg.moveTo(x - w0 / 2, y0);
            seg.lineTo(x + w0 / 2, y0);
            seg.lineTo(x + w1 / 2, y1);
            seg.lineTo(x - w1 / 2, y1);
            seg.closePath();
            g.setColor(i % 2 == 0 ? white : band);
            g.fill(seg);
        }
        double top = base - towerH;
        g.setColor(Palette.mix(t.near(), Color.BLACK, 0.2));
        g.fill(new Rectangle2D.Double(x - tw * 0.85, top - h * 0.012, tw * 1.7, h * 0.014));
        g.setColor(light == Light.DAY ? new Color(0xF6E7A8) : new Color(0xFFF3C4));
        g.fill(new Rectangle2D.Double(x - tw * 0.45, top - h * 0.055, tw * 0.9, h * 0.043));
        if (light != Light.DAY) SoftLight.glow(g, x, top - h * 0.035, h * 0.09, new Color(0xFFE9A0), 0.8);
        Path2D.Double cap = new Path2D.Double();
        cap.moveTo(x - tw * 0.6, top - h * 0.055);
        cap.lineTo(x, top - h * 0.09);
        cap.lineTo(x + tw * 0.6, top - h * 0.055);
        cap.closePath();
        g.setColor(band.darker());
        g.fill(cap);
    }

    private static void space(Graphics2D g, Tones t, SplittableRandom rnd, int w, int h) {
        Palette p = t.palette();
        g.setPaint(new GradientPaint(0, 0, p.deep(), w, h, Palette.mix(p.base(), p.deep(), 0.4)));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        SoftLight.glows(g, p, rnd, w, h, 3);
        SoftLight.stars(g, p, rnd, w, h, 220);
        double r = h * (0.24 + rnd.nextDouble() * 0.1), x = w * (0.3 + rnd.nextDouble() * 0.4), y = h * (0.45 + rnd.nextDouble() * 0.15);
        Color body = p.accent(rnd.nextInt(3));
        SoftLight.glow(g, x, y, r * 1.8, body, 0.3);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) r, new Point2D.Double(x - r * 0.4, y - r * 0.45),
                new float[] {0f, 0.5f, 1f}, new Color[] {Palette.mix(body, p.glow(), 0.55), body, Palette.mix(body, p.deep(), 0.85)},
                CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        g.setStroke(new BasicStroke((float) (h * 0.012)));
        g.setPaint(Palette.withAlpha(Palette.mix(p.glow(), body, 0.3), 0.7));
        g.draw(new Ellipse2D.Double(x - r * 1.8, y - r * 0.28, r * 3.6, r * 0.56));
    }

    private static void food(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h) {
        Color wood = Palette.mix(new Color(0x8A5A3B), p.base(), 0.2);
        g.setColor(wood);
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        g.setStroke(new BasicStroke(Math.max(1f, h / 250f)));
        for (int i = 0; i < 14; i++) {
            g.setColor(Palette.withAlpha(Palette.mix(wood, Color.BLACK, 0.3), 0.4));
            double y = h * i / 14.0 + rnd.nextDouble() * 6;
            g.draw(new Line2D.Double(0, y, w, y + rnd.nextGaussian() * 4));
        }
        double cx = w * (0.4 + rnd.nextDouble() * 0.2), cy = h * 0.52, r = h * 0.36;
        g.setColor(Palette.withAlpha(Color.BLACK, 0.25));
        g.fill(new Ellipse2D.Double(cx - r + h * 0.02, cy - r + h * 0.03, 2 * r, 2 * r));
        g.setColor(new Color(0xF3EFE7));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(new Color(0xE2DCD0));
        g.fill(new Ellipse2D.Double(cx - r * 0.75, cy - r * 0.75, 1.5 * r, 1.5 * r));
        // The dish: strands, leaves and morsels in the prompt's colours.
        g.setStroke(new BasicStroke((float) (h * 0.012), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Color main = Palette.mix(new Color(0xF0C05A), p.accent(0), 0.3);
        for (int i = 0; i < 26; i++) {
            double a = rnd.nextDouble() * Math.PI * 2, d = r * 0.55 * Math.sqrt(rnd.nextDouble());
            double x = cx + Math.cos(a) * d, y = cy + Math.sin(a) * d, s = r * 0.18;
            g.setColor(Palette.mix(main, Color.WHITE, rnd.nextDouble() * 0.3));
            g.draw(new java.awt.geom.QuadCurve2D.Double(x - s, y, x, y + (rnd.nextDouble() - 0.5) * s * 2, x + s, y));
        }
        for (int i = 0; i < 9; i++) {
            double a = rnd.nextDouble() * Math.PI * 2, d = r * 0.5 * Math.sqrt(rnd.nextDouble()), s = r * (0.06 + rnd.nextDouble() * 0.05);
            g.setColor(i % 3 == 0 ? new Color(0x3E8E41) : Palette.mix(new Color(0xC0392B), p.accent(1), 0.3));
            g.fill(new Ellipse2D.Double(cx + Math.cos(a) * d - s, cy + Math.sin(a) * d - s, 2 * s, 2 * s));
        }
        double mx = cx + r * 1.45 * (cx < w / 2.0 ? 1 : -1), mr = h * 0.13;
        g.setColor(Palette.withAlpha(Color.BLACK, 0.25));
        g.fill(new Ellipse2D.Double(mx - mr + h * 0.015, h * 0.25 - mr + h * 0.02, 2 * mr, 2 * mr));
        g.setColor(new Color(0xF3EFE7));
        g.fill(new Ellipse2D.Double(mx - mr, h * 0.25 - mr, 2 * mr, 2 * mr));
        g.setColor(new Color(0x4B2A17));
        g.fill(new Ellipse2D.Double(mx - mr * 0.75, h * 0.25 - mr * 0.75, 1.5 * mr, 1.5 * mr));
    }

    private static void network(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, p.deep(), 0, h, p.base()));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        // Isometric blocks on a grid: the "clean isometric illustration" of a system.
        double s = h * 0.09, ox = w * 0.5, oy = h * 0.3;
        for (int gy = 0; gy < 5; gy++) {
            for (int gx = 0; gx < 5; gx++) {
                if (rnd.nextInt(3) == 0) continue;
                double px = ox + (gx - gy) * s, py = oy + (gx + gy) * s * 0.5, bh = s * (0.3 + rnd.nextDouble() * 1.2);
                block(g, px, py, s, bh, p.accent(gx + gy));
            }
        }
        nodes(g, p, rnd, w, h, 14, h * 0.01);
    }

    private static void block(Graphics2D g, double x, double y, double s, double bh, Color c) {
        Path2D.Double top = new Path2D.Double();
        top.moveTo(x, y - bh);
        top.lineTo(x + s, y - bh + s * 0.5);
        top.lineTo(x, y - bh + s);
        top.lineTo(x - s, y - bh + s * 0.5);
        top.closePath();
        Path2D.Double left = new Path2D.Double();
        left.moveTo(x - s, y - bh + s * 0.5);
        left.lineTo(x, y - bh + s);
        left.lineTo(x, y + s);
        left.lineTo(x - s, y + s * 0.5);
        left.closePath();
        Path2D.Double right = new Path2D.Double();
        right.moveTo(x + s, y - bh + s * 0.5);
        right.lineTo(x, y - bh + s);
        right.lineTo(x, y + s);
        right.lineTo(x + s, y + s * 0.5);
        right.closePath();
        g.setColor(Palette.mix(c, Color.BLACK, 0.35));
        g.fill(left);
        g.setColor(Palette.mix(c, Color.BLACK, 0.15));
        g.fill(right);
        g.setColor(Palette.mix(c, Color.WHITE, 0.2));
        g.fill(top);
    }

    /** Glowing nodes joined by thin links: data, a network, a cluster. */
    private static void nodes(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h, int n, double r) {
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) pts[i] = new double[] {w * (0.05 + rnd.nextDouble() * 0.9), h * (0.05 + rnd.nextDouble() * 0.9)};
        g.setStroke(new BasicStroke(Math.max(1f, (float) (r * 0.25))));
        for (int i = 1; i < n; i++) {
            double[] a = pts[i], b = pts[rnd.nextInt(i)];
            g.setPaint(Palette.withAlpha(p.glow(), 0.35));
            g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
        }
        for (double[] a : pts) {
            SoftLight.glow(g, a[0], a[1], r * 4, p.accent(1), 0.5);
            g.setColor(p.glow());
            g.fill(new Ellipse2D.Double(a[0] - r, a[1] - r, 2 * r, 2 * r));
        }
    }

    private static void chart(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, Palette.mix(p.deep(), p.base(), 0.5), w, h, p.deep()));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        int bars = 9;
        double bw = w * 0.6 / bars, x0 = w * 0.2, floor = h * 0.82, level = 0.25 + rnd.nextDouble() * 0.1;
        double[] tops = new double[bars];
        for (int i = 0; i < bars; i++) {
            level = Math.min(0.95, Math.max(0.1, level + (rnd.nextDouble() - 0.3) * 0.14));
            tops[i] = floor - level * h * 0.65;
            g.setPaint(new GradientPaint(0, (float) tops[i], p.accent(i % 2), 0, (float) floor, Palette.mix(p.accent(i % 2), p.deep(), 0.6)));
            g.fill(new Rectangle2D.Double(x0 + i * bw + bw * 0.15, tops[i], bw * 0.7, floor - tops[i]));
        }
        g.setStroke(new BasicStroke((float) (h * 0.01), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(p.glow());
        Path2D.Double line = new Path2D.Double();
        for (int i = 0; i < bars; i++) {
            double x = x0 + i * bw + bw / 2, y = tops[i] - h * 0.05;
            if (i == 0) line.moveTo(x, y); else line.lineTo(x, y);
        }
        g.draw(line);
        g.setColor(Palette.withAlpha(p.glow(), 0.4));
        g.fill(new Rectangle2D.Double(w * 0.18, floor, w * 0.64, h * 0.006));
    }

    private static void stage(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h) {
        g.setColor(p.deep());
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        for (int i = 0; i < 4; i++) {
            double x = w * (0.15 + i * 0.23 + rnd.nextGaussian() * 0.03), spread = w * (0.12 + rnd.nextDouble() * 0.08);
            Color c = p.accent(i);
            Path2D.Double cone = new Path2D.Double();
            cone.moveTo(x, 0);
            cone.lineTo(x + spread, h * 0.8);
            cone.lineTo(x - spread, h * 0.8);
            cone.closePath();
            g.setPaint(new GradientPaint((float) x, 0, Palette.withAlpha(c, 0.65), (float) x, (float) (h * 0.8), Palette.withAlpha(c, 0.05)));
            g.fill(cone);
        }
        g.setColor(Palette.mix(p.deep(), Color.BLACK, 0.5));
        g.fill(new Rectangle2D.Double(0, h * 0.68, w, h * 0.32));
        // The crowd: heads and raised hands against the light.
        for (int i = 0; i < 40; i++) {
            double x = rnd.nextDouble() * w, r = h * (0.035 + rnd.nextDouble() * 0.02), y = h * (0.74 + rnd.nextDouble() * 0.12);
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            g.fill(new Rectangle2D.Double(x - r * 1.2, y + r * 0.6, r * 2.4, h));
            if (rnd.nextInt(4) == 0) g.fill(new Rectangle2D.Double(x + r, y - r * 3.5, r * 0.45, r * 3.5));
        }
    }

    private static void molecule(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h, double cx, double cy, double r) {
        if (r > h * 0.05) {
            g.setPaint(new GradientPaint(0, 0, Palette.mix(p.base(), Color.WHITE, 0.15), 0, h, p.deep()));
            g.fill(new Rectangle2D.Double(0, 0, w, h));
        }
        int n = 6 + rnd.nextInt(4);
        double[][] at = new double[n][];
        at[0] = new double[] {cx, cy};
        for (int i = 1; i < n; i++) {
            double[] from = at[rnd.nextInt(i)];
            double a = rnd.nextDouble() * Math.PI * 2;
            at[i] = new double[] {from[0] + Math.cos(a) * r * 2.2, from[1] + Math.sin(a) * r * 1.6};
        }
        g.setStroke(new BasicStroke((float) (r * 0.28), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Palette.withAlpha(p.glow(), 0.7));
        for (int i = 1; i < n; i++) {
            double[] a = at[i], b = at[Math.max(0, i - 1 - rnd.nextInt(Math.min(i, 2)))];
            g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
        }
        for (int i = 0; i < n; i++) {
            double s = r * (i == 0 ? 1 : 0.6 + rnd.nextDouble() * 0.3);
            Color c = p.accent(i);
            g.setPaint(new RadialGradientPaint(new Point2D.Double(at[i][0], at[i][1]), (float) s,
                    new Point2D.Double(at[i][0] - s * 0.35, at[i][1] - s * 0.4), new float[] {0f, 1f},
                    new Color[] {Palette.mix(c, Color.WHITE, 0.6), Palette.mix(c, p.deep(), 0.5)}, CycleMethod.NO_CYCLE));
            g.fill(new Ellipse2D.Double(at[i][0] - s, at[i][1] - s, 2 * s, 2 * s));
        }
    }
}
