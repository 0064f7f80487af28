package dev.ytv2.render.builtin;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Draws a picture of the prompt offline, so the demo and the tests get real images with no GPU and
 * no network. The prompt's words choose what is drawn (a lighthouse, mountains, a plate of food, a
 * network...), its light, fog and colours, and the medium it is drawn in (watercolor, linocut,
 * stained glass...), so a themed prompt and a freestyle one of the same report look unlike each
 * other. A prompt with no drawable subject gets an abstract composition in its colours. The seed
 * varies the composition; the same prompt and seed always give the same bytes. Every call works on its own image and random source, so one instance
 * can serve any number of threads. It never draws text: a headless JDK may have no fonts.
 */
public final class BuiltinRenderer {

    private static final Pattern NIGHT_SKY = Pattern.compile("\\b(space|star|stars|night|galaxy|cosmic|nebula|astronom\\w*|universe)\\b");

    private enum Style { SILK, BOKEH, HORIZON, ORBIT }

    public byte[] renderPng(String prompt, long seed, int width, int height) {
        if (width < 16 || height < 16 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("size must be between 16 and 4096 pixels, got " + width + "x" + height);
        }
        String text = prompt == null ? "" : prompt;
        Palette palette = Palettes.forPrompt(text);
        PromptReading reading = PromptReading.of(text);
        // The prompt joins the seed so two prompts rendered with the same seed still differ in layout.
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ Palettes.hash(text));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            if (reading.motifs().isEmpty()) {
                compose(g, palette, rnd, width, height, NIGHT_SKY.matcher(text.toLowerCase(Locale.ROOT)).find());
            } else {
                PromptScene.paint(g, reading, palette, rnd, width, height);
            }
        } finally {
            g.dispose();
        }
        BufferedImage finished = Media.apply(img, reading.medium(), palette, rnd);
        Finish.apply(finished, reading.motifs().isEmpty() ? 0.35 + rnd.nextDouble() * 0.2 : 0.18);
        return Png.encode(finished);
    }

    private static void compose(Graphics2D g, Palette p, SplittableRandom rnd, int w, int h, boolean nightSky) {
        Style style = Style.values()[rnd.nextInt(Style.values().length)];
        MeshGradient.paint(g, p, rnd, w, h);
        if (nightSky || style == Style.ORBIT) {
            SoftLight.stars(g, p, rnd, w, h, (nightSky ? 140 : 60) + rnd.nextInt(80));
        }
        switch (style) {
            case SILK -> {
                SoftLight.glows(g, p, rnd, w, h, 2 + rnd.nextInt(3));
                Ribbons.paint(g, p, rnd, w, h, 2 + rnd.nextInt(2));
                SoftLight.bokeh(g, p, rnd, w, h, 6 + rnd.nextInt(10));
            }
            case BOKEH -> {
                SoftLight.glows(g, p, rnd, w, h, 3 + rnd.nextInt(3));
                SoftLight.bokeh(g, p, rnd, w, h, 35 + rnd.nextInt(30));
                Ribbons.paint(g, p, rnd, w, h, rnd.nextInt(2));
            }
            case HORIZON -> {
                SoftLight.glow(g, (0.2 + rnd.nextDouble() * 0.6) * w, (0.25 + rnd.nextDouble() * 0.2) * h,
                        h * (0.3 + rnd.nextDouble() * 0.2), p.glow(), 0.75);
                Ribbons.paint(g, p, rnd, w, h, 1);
                Dunes.paint(g, p, rnd, w, h);
            }
            case ORBIT -> {
                SoftLight.glows(g, p, rnd, w, h, 1 + rnd.nextInt(2));
                Ribbons.paint(g, p, rnd, w, h, 1 + rnd.nextInt(2));
                SoftLight.orb(g, p, rnd, w, h);
            }
        }
    }
}
