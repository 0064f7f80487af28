package dev.ytv2.render.prompt;

import java.util.List;

/** What an item's prompts are built from: its id (the seed of every varying choice) and its facts. */
public record PromptFacts(String videoId, String title, List<String> categories, String subcategory, String headline,
                          List<String> topics) {
}
