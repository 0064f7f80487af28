package dev.ytv2.render.builtin;

import java.awt.Color;
import java.util.List;

/**
 * Five colours ordered from dark to light: {@code deep} fills the shadows, {@code base} the body of
 * the picture, the three accents carry the shapes and {@code glow} the highlights. Ordering by
 * lightness lets the painters build depth without knowing which palette they were given.
 */
record Palette(Color deep, Color base, List<Color> accents, Color glow) {

    Palette {
        accents = List.copyOf(accents);
        if (accents.isEmpty()) {
            throw new IllegalArgumentException("a palette needs at least one accent");
        }
    }

    static Palette ofHex(String... hex) {
        if (hex.length < 3) {
            throw new IllegalArgumentException("need deep, at least one accent, and glow");
        }
        Color[] c = new Color[hex.length];
        for (int i = 0; i < hex.length; i++) {
            c[i] = Color.decode(hex[i]);
        }
        List<Color> accents = List.of(c).subList(2, c.length - 1);
        return new Palette(c[0], c[1], accents.isEmpty() ? List.of(c[1]) : accents, c[c.length - 1]);
    }

    Color accent(int i) {
        return accents.get(Math.floorMod(i, accents.size()));
    }

    /** A palette with the accents taken from {@code other}: two matched keywords blend this way. */
    Palette withAccentFrom(Palette other, int index) {
        var mixed = new java.util.ArrayList<>(accents);
        mixed.set(Math.floorMod(index, mixed.size()), other.accent(index));
        return new Palette(deep, base, mixed, glow);
    }

    static Color mix(Color a, Color b, double t) {
        double u = 1 - t;
        return new Color(
                clamp((int) Math.round(a.getRed() * u + b.getRed() * t)),
                clamp((int) Math.round(a.getGreen() * u + b.getGreen() * t)),
                clamp((int) Math.round(a.getBlue() * u + b.getBlue() * t)));
    }

    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp((int) Math.round(alpha * 255)));
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
