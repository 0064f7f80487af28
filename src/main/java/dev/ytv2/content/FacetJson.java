package dev.ytv2.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The answer of `/api/filters`: each facet as `[{value, count}]`, categories with their subcategories. */
final class FacetJson {
    private FacetJson() {
    }

    static ObjectNode of(ObjectMapper mapper, FacetStore.Facets f) {
        ObjectNode out = mapper.createObjectNode();
        values(out.putArray("source"), f.sources());
        ArrayNode categories = out.putArray("categories");
        for (FacetStore.CategoryCount c : f.categories()) {
            ObjectNode node = categories.addObject().put("value", c.value()).put("count", c.count());
            values(node.putArray("subcategories"), c.subcategories());
        }
        values(out.putArray("channels"), f.channels());
        values(out.putArray("languages"), f.languages());
        values(out.putArray("content_type"), f.contentTypes());
        values(out.putArray("summary_type"), f.summaryTypes());
        ArrayNode audio = out.putArray("has_audio");
        for (FacetStore.Count<Boolean> c : f.hasAudio()) audio.addObject().put("value", c.value()).put("count", c.count());
        return out;
    }

    private static void values(ArrayNode out, List<FacetStore.Count<String>> counts) {
        for (FacetStore.Count<String> c : counts) out.addObject().put("value", c.value()).put("count", c.count());
    }
}
