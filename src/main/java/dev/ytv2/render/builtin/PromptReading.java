package dev.ytv2.render.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the builtin renderer takes from a prompt: the things to draw, in the order the prompt names
 * them; the light; fog; and the medium, which decides how the finished scene is treated. Image
 * models weigh the words the same way: subject first, then light and style.
 */
record PromptReading(List<Motif> motifs, Light light, boolean fog, Medium medium) {

    /** Drawable subjects. A landscape motif stands under a sky; a still-life motif fills its own backdrop. */
    enum Motif {
        LIGHTHOUSE(true, "lighthouses?|beacons?|keepers?"),
        MOUNTAINS(true, "mountains?|peaks?|alps|hik\\w*|valley|landscape|vista|travel|journey|trail"),
        SEA(true, "seas?|ocean\\w*|coast\\w*|beach\\w*|harbou?r|waves?|tides?|lakes?|rivers?|boats?|sail\\w*|island|fjord"),
        CITY(true, "city|cities|skyline|urban|streets?|downtown|transit|metro|lisbon|tokyo|paris"),
        FOREST(true, "forests?|trees?|woods|garden\\w*|nature|botanical|plants?|leaf|leaves|jungle|wildlife|climate"),
        TEMPLE(true, "histor\\w*|ancient|archival|empire|museum|civic|government|politic\\w*|election|policy|parliament|law"),
        SPACE(false, "space|planets?|exoplanet\\w*|galax\\w*|nebula\\w*|stars?|starfield|rockets?|orbit\\w*|telescope|cosmic|cosmos|mars|moon|astronom\\w*"),
        FOOD(false, "food|cook\\w*|kitchen|recipes?|dish\\w*|bread|pasta|bak\\w*|plates?|coffee|cuisine|meal|soup|spice"),
        NETWORK(false, "network\\w*|neural|circuit\\w*|data|ai|llms?|code|coding|software|digital|computer|servers?|cluster\\w*|homelab|developer|gaming|games?"),
        CHART(false, "financ\\w*|markets?|charts?|money|invest\\w*|econom\\w*|business|stocks?|budget\\w*|funding|price\\w*"),
        STAGE(false, "music\\w*|concerts?|stage|album|guitar\\w*|band|songs?|jazz|vinyl|festival"),
        MOLECULE(false, "science|laborator\\w*|molecul\\w*|atoms?|chemi\\w*|physics|biolog\\w*|research|genes?|crispr|cells?");

        final boolean landscape;
        final Pattern words;

        Motif(boolean landscape, String words) {
            this.landscape = landscape;
            this.words = Pattern.compile("\\b(?:" + words + ")\\b");
        }
    }

    enum Light { DAWN, DAY, GOLDEN, NIGHT }

    /** How the scene is put on the page: a clean illustration, or one of the artists' media. */
    enum Medium { CLEAN, WATERCOLOR, PRINT, GLASS, PIXEL, PAINT, DREAM }

    private static final List<Object[]> MEDIA = List.of(
            new Object[] {Medium.WATERCOLOR, Pattern.compile("\\b(watercolou?r\\w*|ink wash|gouache)\\b")},
            new Object[] {Medium.GLASS, Pattern.compile("\\b(stained glass|mosaic)\\b")},
            new Object[] {Medium.PIXEL, Pattern.compile("\\b(pixel\\w*|8-bit|voxel)\\b")},
            new Object[] {Medium.PRINT, Pattern.compile("\\b(linocut|woodcut|risograph|screen ?print|bauhaus|collage|cut-out|papercut)\\b")},
            new Object[] {Medium.PAINT, Pattern.compile("\\b(oil paint\\w*|impasto|pastel drawing|chalk|art nouveau|painterly|brush ?strokes?)\\b")},
            new Object[] {Medium.DREAM, Pattern.compile("\\b(double exposure|long exposure|surreal|dreamlike)\\b")});

    private static final Pattern FOG = Pattern.compile("\\b(fog\\w*|mist\\w*|haze|hazy)\\b");
    private static final Pattern NIGHT = Pattern.compile("\\b(night\\w*|moonlit|midnight|neon|starry|dark)\\b");
    private static final Pattern DAWN = Pattern.compile("\\b(dawn|sunrise|morning|daybreak)\\b");
    private static final Pattern GOLDEN = Pattern.compile("\\b(golden hour|sunset|dusk|evening|twilight|warm)\\b");

    static PromptReading of(String prompt) {
        String text = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
        List<int[]> found = new ArrayList<>();
        for (Motif m : Motif.values()) {
            var matcher = m.words.matcher(text);
            if (matcher.find()) found.add(new int[] {matcher.start(), m.ordinal()});
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Motif> motifs = new ArrayList<>();
        for (int[] f : found) motifs.add(Motif.values()[f[1]]);
        // A lighthouse stands by the sea.
        if (motifs.contains(Motif.LIGHTHOUSE) && !motifs.contains(Motif.SEA)) motifs.add(Motif.SEA);
        return new PromptReading(List.copyOf(motifs), light(text), FOG.matcher(text).find(), medium(text));
    }

    /** The light named earliest wins: "dawn ... golden details" is a dawn picture. */
    private static Light light(String text) {
        int best = Integer.MAX_VALUE;
        Light light = Light.DAY;
        for (var option : List.of(new Object[] {Light.DAWN, DAWN}, new Object[] {Light.GOLDEN, GOLDEN}, new Object[] {Light.NIGHT, NIGHT})) {
            var m = ((Pattern) option[1]).matcher(text);
            if (m.find() && m.start() < best) {
                best = m.start();
                light = (Light) option[0];
            }
        }
        return light;
    }

    private static Medium medium(String text) {
        int best = Integer.MAX_VALUE;
        Medium medium = Medium.CLEAN;
        for (Object[] option : MEDIA) {
            var m = ((Pattern) option[1]).matcher(text);
            if (m.find() && m.start() < best) {
                best = m.start();
                medium = (Medium) option[0];
            }
        }
        return medium;
    }

    Motif first() {
        return motifs.isEmpty() ? null : motifs.get(0);
    }
}
