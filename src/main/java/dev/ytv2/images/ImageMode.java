package dev.ytv2.images;

import dev.ytv2.errors.Refusal;

/** The two AI image pipelines, with the analysis keys each one owns; `wire` is the name in JSON and in image_jobs. */
public enum ImageMode {
    AI1("ai1", ImageKeys.PROMPT, ImageKeys.PROMPT_ORIGINAL, ImageKeys.PROMPT_LAST_USED, ImageKeys.SELECTED_URL),
    AI2("ai2", ImageKeys.AI2_PROMPT, ImageKeys.AI2_PROMPT_ORIGINAL, ImageKeys.AI2_PROMPT_LAST_USED, ImageKeys.AI2_URL);

    private final String wire;
    private final String promptKey;
    private final String originalKey;
    private final String lastUsedKey;
    private final String selectedKey;

    ImageMode(String wire, String promptKey, String originalKey, String lastUsedKey, String selectedKey) {
        this.wire = wire;
        this.promptKey = promptKey;
        this.originalKey = originalKey;
        this.lastUsedKey = lastUsedKey;
        this.selectedKey = selectedKey;
    }

    public String wire() {
        return wire;
    }

    public String promptKey() {
        return promptKey;
    }

    public String originalKey() {
        return originalKey;
    }

    /** The prompt the newest render of this mode was drawn from; written only by a render's commit. */
    public String lastUsedKey() {
        return lastUsedKey;
    }

    /** Where the selection lives in analysis_json; A1 also mirrors it in the `summary_image_url` column. */
    public String selectedKey() {
        return selectedKey;
    }

    public static ImageMode parse(String value) {
        if (value != null) {
            for (ImageMode m : values()) if (m.wire.equals(value.trim().toLowerCase())) return m;
        }
        throw Refusal.invalid("invalid_mode", "Field 'mode' must be 'ai1' or 'ai2'.");
    }

    /** A stored variant's mode: variants written before AI2 existed carry none and are A1. */
    public static ImageMode ofStored(String value) {
        return AI2.wire.equalsIgnoreCase(value == null ? "" : value.trim()) ? AI2 : AI1;
    }
}
