package dev.ytv2.render.backend;

/** What to draw. The seed is ours; a backend that picks its own reports the one it used. */
public record ImageRequest(String prompt, String negativePrompt, long seed, int width, int height, int steps) {
}
