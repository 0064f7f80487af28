package dev.ytv2.render.builtin;

import dev.ytv2.render.builtin.PromptReading.Light;
import dev.ytv2.render.builtin.PromptReading.Motif;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * A literal picture of what a prompt names: a sky in its light with the landscape motifs standing
 * under it (far ones first), or a still-life motif on its own backdrop, then fog if the prompt asks
 * for it. The prompt's palette tints everything, so two prompts about the same thing still differ.
 */
final class PromptScene {

    /** The colours of one picture, from the light and the prompt's palette. */
    record Tones(Color skyTop, Color skyBottom, Color sun, Color far, Color near, Color water, Palette palette) {
    }

    private PromptScene() {}

    static Tones tones(Light light, Palette p) {
        Color top, bottom, sun;
        switch (light) {
            case DAWN -> { top = new Color(0x7A86B8); bottom = new Color(0xF7C9A9); sun = new Color(0xFFE9C4); }
            case GOLDEN -> { top = new Color(0x40306E); bottom = new Color(0xF4A25E); sun = new Color(0xFFD48A); }
            case NIGHT -> { top = new Color(0x060A1C); bottom = new Color(0x26345F); sun = new Color(0xE8ECF5); }
            default -> { top = new Color(0x4C8FD6); bottom = new Color(0xCBE6F6); sun = new Color(0xFFF6D6); }
        }
        top = Palette.mix(top, p.base(), 0.25);
        bottom = Palette.mix(bottom, p.accent(1), 0.18);
        Color far = Palette.mix(bottom, p.accent(0), 0.35);
        Color near = Palette.mix(p.deep(), p.base(), light == Light.NIGHT ? 0.3 : 0.6);
        Color water = Palette.mix(top, p.accent(2), 0.3);
        return new Tones(top, bottom, sun, far, near, water, p);
    }

    static void paint(Graphics2D g, PromptReading r, Palette p, SplittableRandom rnd, int w, int h) {
        Light light = r.first() == Motif.SPACE ? Light.NIGHT : r.light();
        Tones t = tones(light, p);
        if (!r.first().landscape) {
            Motifs.stillLife(g, r.first(), t, rnd, w, h);
            // A second subject may still show in a corner of the backdrop, small.
            if (r.motifs().size() > 1 && !r.motifs().get(1).landscape) Motifs.accent(g, r.motifs().get(1), t, rnd, w, h);
        } else {
            // Buildings stand on a low horizon; open country and sea leave room below for water and land.
            boolean built = r.first() == Motif.CITY || r.first() == Motif.TEMPLE;
            double horizon = h * (built ? 0.74 + rnd.nextDouble() * 0.06 : 0.55 + rnd.nextDouble() * 0.1);
            sky(g, t, light, rnd, w, h, horizon);
            // Far things first: mountains behind the city behind the forest; the sea below the horizon.
            for (Motif m : new Motif[] {Motif.MOUNTAINS, Motif.CITY, Motif.TEMPLE, Motif.FOREST, Motif.SEA, Motif.LIGHTHOUSE}) {
                if (r.motifs().contains(m)) Motifs.landscape(g, m, t, light, rnd, w, h, horizon);
            }
            if (r.motifs().stream().noneMatch(m -> m != Motif.LIGHTHOUSE && m.landscape)) Motifs.landscape(g, Motif.MOUNTAINS, t, light, rnd, w, h, horizon);
        }
        if (r.fog()) fog(g, t, w, h);
    }

    private static void sky(Graphics2D g, Tones t, Light light, SplittableRandom rnd, int w, int h, double horizon) {
        g.setPaint(new GradientPaint(0, 0, t.skyTop(), 0, (float) horizon, t.skyBottom()));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        if (light == Light.NIGHT) SoftLight.stars(g, t.palette(), rnd, w, (int) horizon, 90 + rnd.nextInt(60));
        double sx = w * (0.15 + rnd.nextDouble() * 0.7);
        double sy = light == Light.DAY ? h * 0.18 : horizon - h * (light == Light.NIGHT ? 0.32 : 0.08);
        double sr = h * (light == Light.NIGHT ? 0.045 : 0.07);
        SoftLight.glow(g, sx, sy, sr * 5, t.sun(), light == Light.DAY ? 0.35 : 0.6);
        g.setColor(t.sun());
        g.fill(new Ellipse2D.Double(sx - sr, sy - sr, 2 * sr, 2 * sr));
    }

    /** Fog thickens towards the horizon and swallows contrast, the way distance does. */
    private static void fog(Graphics2D g, Tones t, int w, int h) {
        Color mist = Palette.mix(t.skyBottom(), new Color(0xE6E9EE), 0.6);
        g.setPaint(new GradientPaint(0, 0, Palette.withAlpha(mist, 0.2), 0, h * 0.65f, Palette.withAlpha(mist, 0.6)));
        g.fill(new Rectangle2D.Double(0, 0, w, h * 0.65));
        g.setPaint(new GradientPaint(0, h * 0.65f, Palette.withAlpha(mist, 0.6), 0, h, Palette.withAlpha(mist, 0.15)));
        g.fill(new Rectangle2D.Double(0, h * 0.65, w, h * 0.35 + 1));
    }
}
