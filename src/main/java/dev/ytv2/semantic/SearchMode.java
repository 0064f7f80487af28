package dev.ytv2.semantic;

import dev.ytv2.errors.Refusal;

import java.util.Locale;

/** How a search ranks: by its words, by meaning, or both fused. */
public enum SearchMode {
    KEYWORD, HYBRID, SEMANTIC;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A missing or blank value is `fallback`; anything else unknown is a 400 naming what is accepted. */
    public static SearchMode parse(String raw, SearchMode fallback, String param) {
        if (raw == null || raw.isBlank()) return fallback;
        for (SearchMode m : values()) {
            if (m.wire().equals(raw.strip().toLowerCase(Locale.ROOT))) return m;
        }
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        throw Refusal.invalid("invalid_" + param, "Unknown " + param + " '" + shown + "'; use keyword, hybrid or semantic.");
    }
}
