package dev.ytv2.render.builtin;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The last pass over the pixels: a vignette that pulls the eye to the centre, rounded with an
 * ordered dither so its wide, dark falloff does not show 8-bit bands. Random grain would do the
 * same but makes the PNG about half as large again, because noise does not compress; the Bayer
 * pattern is regular and costs far less.
 */
final class Finish {

    private static final int[] BAYER = {0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5};

    private Finish() {}

    static void apply(BufferedImage img, double vignette) {
        int w = img.getWidth(), h = img.getHeight();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        double cx = w / 2.0, cy = h / 2.0;
        double norm = 1 / (cx * cx + cy * cy);
        for (int y = 0; y < h; y++) {
            double dy2 = (y - cy) * (y - cy);
            for (int x = 0; x < w; x++) {
                double d = ((x - cx) * (x - cx) + dy2) * norm;
                double shade = 1 - vignette * d * d * 1.6;
                double dither = (BAYER[(y & 3) * 4 + (x & 3)] + 0.5) / 16.0;
                int i = y * w + x;
                int p = px[i];
                int r = channel((p >> 16) & 0xff, shade, dither);
                int g = channel((p >> 8) & 0xff, shade, dither);
                int b = channel(p & 0xff, shade, dither);
                px[i] = (r << 16) | (g << 8) | b;
            }
        }
    }

    private static int channel(int v, double shade, double dither) {
        return Palette.clamp((int) (v * shade + dither));
    }
}
