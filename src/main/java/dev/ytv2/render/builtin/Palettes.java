package dev.ytv2.render.builtin;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks a palette from the words of a prompt. Hand-tuned palettes for words that carry a mood
 * (sunset, ocean, neon...) because generated colours rarely look as good; any other prompt gets a
 * harmonious palette derived from a hash of its words, so every prompt still has its own colours.
 */
final class Palettes {

    private record Theme(List<String> words, Palette palette) {}

    private static final List<Theme> THEMES = List.of(
            theme("sunset dusk evening sundown twilight romance love", "#1d1135", "#5b1e5c", "#d94f70", "#f6a25b", "#f9c784", "#ffe3b3"),
            theme("ocean sea wave water beach coast marine river lake rain", "#03122b", "#0a3d62", "#1e8aa8", "#48c9b0", "#7fd8e8", "#d4f6f2"),
            theme("forest tree nature garden jungle leaf plant green moss hiking", "#0b1f14", "#1d4d2f", "#3f8f4f", "#a7c957", "#6a994e", "#f2e8cf"),
            theme("neon cyber cyberpunk synth retro arcade glitch", "#0a0420", "#2b0a5e", "#ff2e97", "#00e5ff", "#b537f2", "#fdf6ff"),
            theme("space galaxy cosmic star stars nebula planet orbit astronomy rocket universe moon", "#02030f", "#141b41", "#5a3e9b", "#3dd6f5", "#e056a0", "#f5e6ff"),
            theme("desert sand dune canyon dry savanna", "#3b1f0e", "#8c4a21", "#d98e48", "#f2c57c", "#c0603a", "#fbecd1"),
            theme("ice snow winter frost arctic glacier cold mountain", "#0d1b2a", "#274c77", "#6096ba", "#a3cef1", "#8b9fd6", "#f1f7fc"),
            theme("autumn fall harvest copper rust", "#2a0f0a", "#7f2a12", "#c8553d", "#f28f3b", "#e0a458", "#ffe1bd"),
            theme("aurora northern polar", "#031022", "#0b3a53", "#19a974", "#7ae582", "#c77dff", "#e9fff5"),
            theme("spring flower bloom pastel dream soft gentle candy", "#3d3153", "#8e7cc3", "#f4a6c1", "#ffd6a5", "#a0c4ff", "#fffbe6"),
            theme("fire flame lava volcano energy power heat", "#1a0505", "#6b0f1a", "#e63946", "#ff9f1c", "#ff6b35", "#ffe66d"),
            theme("gold luxury finance money market economy wealth investing", "#0f0f14", "#2d2a32", "#8c6d31", "#d4af37", "#b08d57", "#f7e7b4"),
            theme("technology tech code programming software digital data ai machine computer network", "#050a1a", "#0f2a4a", "#2563eb", "#22d3ee", "#7c3aed", "#d6f6ff"),
            theme("music jazz vinyl concert song melody rhythm sound", "#120a1f", "#3a1c5c", "#8e44ad", "#e056fd", "#f78fb3", "#ffe0f0"),
            theme("history ancient vintage old antique sepia empire war medieval", "#1f160f", "#5c4330", "#a47e56", "#d9bf8c", "#8a6b4e", "#f4ead5"),
            theme("health calm zen meditation sleep wellness mind yoga", "#0f2624", "#2a6f64", "#7fb7a4", "#cfe8d5", "#94c9c0", "#fbf6ea"),
            theme("food cooking kitchen spice bread coffee recipe baking", "#2b0d06", "#7a2e0e", "#d35400", "#f5b041", "#c0392b", "#fdebd0"),
            theme("game gaming pixel play controller esports", "#0b0221", "#3a0ca3", "#7209b7", "#f72585", "#4cc9f0", "#f1f0ff"),
            theme("city night urban street skyline noir", "#070b18", "#1b2440", "#4a4e8a", "#f0a04b", "#e76f51", "#fce38a"),
            theme("science lab chemistry physics biology atom molecule research", "#071a26", "#16425b", "#2f6690", "#3a7ca5", "#81c3d7", "#e7f6fb"));

    private Palettes() {}

    static Palette forPrompt(String prompt) {
        List<String> words = words(prompt);
        List<Palette> matched = new ArrayList<>();
        for (Theme theme : THEMES) {
            if (words.stream().anyMatch(w -> matches(theme.words(), w))) {
                matched.add(theme.palette());
            }
        }
        long hash = hash(String.join(" ", words));
        if (matched.isEmpty()) {
            return generated(hash);
        }
        Palette main = matched.get((int) Math.floorMod(hash, (long) matched.size()));
        if (matched.size() > 1) {
            Palette second = matched.get((int) Math.floorMod(hash >>> 17, (long) matched.size()));
            return second == main ? main : main.withAccentFrom(second, (int) (hash >>> 33));
        }
        return main;
    }

    /** FNV-1a over the UTF-8 bytes: stable across JVMs, unlike identity hashes. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }

    private static List<String> words(String prompt) {
        String lower = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : lower.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** "sunsets" and "oceanic" should still count, so a keyword may be a prefix of the word. */
    private static boolean matches(List<String> keywords, String word) {
        for (String k : keywords) {
            if (word.equals(k) || (k.length() >= 4 && word.startsWith(k) && word.length() <= k.length() + 3)) {
                return true;
            }
        }
        return false;
    }

    /** Analogous hues with one complementary accent; dark base so shapes and glow read well. */
    private static Palette generated(long hash) {
        float hue = (hash & 0xffff) / 65536f;
        float spread = 0.06f + ((hash >>> 16) & 0xff) / 255f * 0.08f;
        float comp = hue + 0.45f + ((hash >>> 24) & 0x3f) / 63f * 0.1f;
        return new Palette(
                Color.getHSBColor(hue, 0.65f, 0.12f),
                Color.getHSBColor(hue + spread, 0.6f, 0.38f),
                List.of(Color.getHSBColor(hue + 2 * spread, 0.62f, 0.86f),
                        Color.getHSBColor(comp, 0.55f, 0.92f),
                        Color.getHSBColor(hue - spread, 0.5f, 0.7f)),
                Color.getHSBColor(hue + 3 * spread, 0.18f, 1f));
    }

    private static Theme theme(String words, String... hex) {
        return new Theme(List.of(words.split(" ")), Palette.ofHex(hex));
    }
}
