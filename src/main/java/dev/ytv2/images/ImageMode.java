package dev.ytv2.images;

import dev.ytv2.content.ImageFields;
import dev.ytv2.errors.Refusal;

/** The two AI image pipelines, A1 ("themed") and AI2 ("freestyle"), with the analysis keys each one owns. */
public enum ImageMode {
    AI1("ai1", ImageFields.PROMPT, ImageFields.PROMPT_ORIGINAL, ImageFields.SELECTED_URL),
    AI2("ai2", ImageFields.AI2_PROMPT, ImageFields.AI2_PROMPT_ORIGINAL, ImageFields.AI2_URL);

    private final String wire;
    private final String promptKey;
    private final String originalKey;
    private final String selectedKey;

    ImageMode(String wire, String promptKey, String originalKey, String selectedKey) {
        this.wire = wire;
        this.promptKey = promptKey;
        this.originalKey = originalKey;
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
        return "ai2".equalsIgnoreCase(value == null ? "" : value.trim()) ? AI2 : AI1;
    }
}
