package dev.ytv2.demo;

import dev.ytv2.render.builtin.Png;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Paints pictures that look like a source's own thumbnail: crisp, flat and literal (a slide, a
 * landscape, a code editor, a host in a studio), on purpose unlike the soft abstract look of the
 * AI renderer, so a user can tell the two image modes apart at a glance. Seeded by the item id,
 * so an item keeps its picture. No text: a headless JDK may have no fonts.
 */
public final class ThumbnailPainter {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 270;

    @FunctionalInterface
    interface Scene {
        void paint(Graphics2D g, SplittableRandom rnd, int w, int h);
    }

    private static final Map<String, List<Scene>> BY_CATEGORY = Map.ofEntries(
            Map.entry("Technology", List.of(FlatScenes::diagram, FlatScenes::slide, ScreenScenes::code, PeopleScenes::host)),
            Map.entry("Programming", List.of(ScreenScenes::code, ScreenScenes::code, FlatScenes::slide)),
            Map.entry("AI & Machine Learning", List.of(FlatScenes::diagram, FlatScenes::slide, ScreenScenes::code, PeopleScenes::host)),
            Map.entry("Science", List.of(FlatScenes::diagram, FlatScenes::slide, WorldScenes::landscape, PeopleScenes::host)),
            Map.entry("Space", List.of(WorldScenes::space, WorldScenes::space, WorldScenes::landscape)),
            Map.entry("Health", List.of(PeopleScenes::host, WorldScenes::landscape, FlatScenes::slide)),
            Map.entry("Finance", List.of(FlatScenes::chart, FlatScenes::chart, PeopleScenes::host)),
            Map.entry("History", List.of(WorldScenes::skyline, WorldScenes::landscape, PeopleScenes::host)),
            Map.entry("Music", List.of(PeopleScenes::stage, PeopleScenes::stage, PeopleScenes::host)),
            Map.entry("Gaming", List.of(ScreenScenes::game, ScreenScenes::game, PeopleScenes::stage)),
            Map.entry("Cooking", List.of(FlatScenes::plate, FlatScenes::plate, PeopleScenes::host)),
            Map.entry("Travel", List.of(WorldScenes::landscape, WorldScenes::landscape, WorldScenes::skyline)),
            Map.entry("Politics", List.of(PeopleScenes::host, WorldScenes::skyline, FlatScenes::chart)),
            Map.entry("Education", List.of(FlatScenes::diagram, FlatScenes::slide, PeopleScenes::host, FlatScenes::slide)),
            Map.entry("DIY & Makers", List.of(FlatScenes::diagram, FlatScenes::slide, PeopleScenes::host, ScreenScenes::code)));

    /** Bright, flat colours of the kind creators use so a thumbnail stands out in a feed. */
    static final List<Color> FLAT = List.of(
            new Color(0xE63946), new Color(0xF4A261), new Color(0xE9C46A), new Color(0x2A9D8F),
            new Color(0x264653), new Color(0x457B9D), new Color(0x8338EC), new Color(0xFF006E),
            new Color(0x3A86FF), new Color(0x06D6A0), new Color(0xFB5607), new Color(0x1D3557));

    public byte[] paintPng(String itemId, String source, String category) {
        SplittableRandom rnd = new SplittableRandom(seedOf(itemId));
        Scene scene = "reddit".equals(source) && rnd.nextInt(100) < 40
                ? ScreenScenes::thread
                : pick(BY_CATEGORY.getOrDefault(category, List.of(FlatScenes::slide)), rnd);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            scene.paint(g, rnd, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        return Png.encode(img);
    }

    static Color flat(SplittableRandom rnd) {
        return FLAT.get(rnd.nextInt(FLAT.size()));
    }

    /** A flat colour other than {@code avoid}, so a shape never vanishes into its background. */
    static Color flatOtherThan(Color avoid, SplittableRandom rnd) {
        Color c = flat(rnd);
        while (c.equals(avoid)) {
            c = flat(rnd);
        }
        return c;
    }

    static Color shade(Color c, double factor) {
        return new Color(
                Math.min(255, (int) (c.getRed() * factor)),
                Math.min(255, (int) (c.getGreen() * factor)),
                Math.min(255, (int) (c.getBlue() * factor)));
    }

    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static Scene pick(List<Scene> scenes, SplittableRandom rnd) {
        return scenes.get(rnd.nextInt(scenes.size()));
    }

    private static long seedOf(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : String.valueOf(id).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
