package dev.ytv2.images;

import java.util.List;

/**
 * The image keys inside analysis_json. Only {@link ImageDocument} writes them; a re-ingest keeps
 * them (see docs/ARCHITECTURE.md, "Ingest").
 */
public final class ImageKeys {
    public static final String PROMPT = "summary_image_prompt";
    public static final String PROMPT_LAST_USED = "summary_image_prompt_last_used";
    public static final String PROMPT_ORIGINAL = "summary_image_prompt_original";
    public static final String AI2_PROMPT = "summary_image_ai2_prompt";
    public static final String AI2_PROMPT_LAST_USED = "summary_image_ai2_prompt_last_used";
    public static final String AI2_PROMPT_ORIGINAL = "summary_image_ai2_prompt_original";
    public static final String SELECTED_URL = "summary_image_selected_url";
    public static final String AI2_URL = "summary_image_ai2_url";
    public static final String DISPLAY_MODE = "summary_image_display_mode";
    public static final String VARIANTS = "summary_image_variants";

    public static final List<String> ALL = List.of(PROMPT, PROMPT_LAST_USED, PROMPT_ORIGINAL, AI2_PROMPT,
            AI2_PROMPT_LAST_USED, AI2_PROMPT_ORIGINAL, SELECTED_URL, AI2_URL, DISPLAY_MODE, VARIANTS);

    /** What a list row's variant carries: enough for the image modes, not the whole history entry. */
    public static final List<String> COMPACT_VARIANT_KEYS = List.of("id", "url", "image_mode", "starred", "deleted_at", "created_at");

    private ImageKeys() {
    }
}
