package dev.ytv2.render.prompt;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One category's look for themed (A1) prompts: the word starts that pick it (regex fragments,
 * matched at a word boundary), and its ways of showing a subject.
 */
record PromptTheme(String key, List<String> matches, List<String> looks, List<String> finishes) {

    boolean matches(String category) {
        if (matches.isEmpty()) return false;
        return Pattern.compile("(?i)\\b(?:" + String.join("|", matches) + ")").matcher(category).find();
    }
}
