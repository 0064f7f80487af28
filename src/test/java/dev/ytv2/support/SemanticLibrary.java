package dev.ytv2.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** A few reports on distinct topics, ingested through the real API, and a wait for their vectors. */
public final class SemanticLibrary {
    private SemanticLibrary() {
    }

    public static void ingest(TestServer s, String id, String title, String channel, String source, String summary) {
        ObjectNode r = s.object();
        r.put("video_id", id);
        r.put("title", title);
        r.put("channel_name", channel);
        r.put("content_source", source);
        r.put("published_at", "2025-03-01T10:00:00Z");
        r.putObject("analysis_json").putArray("category").add("General");
        r.putArray("summary_variants").addObject().put("variant", "comprehensive").put("text", summary);
        s.ingest(r);
    }

    public static void seed(TestServer s) {
        ingest(s, "yt:sourdough01", "Sourdough starter basics", "Kitchen Lab", "youtube",
                "Feeding a wild yeast culture with flour and water, shaping a loaf and baking it in a hot dutch oven for a crisp crust.");
        ingest(s, "yt:rustowner01", "Ownership and borrowing in Rust", "Code Cave", "youtube",
                "How the borrow checker tracks references, why values move, and how lifetimes keep memory safe without a garbage collector.");
        ingest(s, "reddit:homelab01", "My Proxmox cluster at home", "r/homelab", "reddit",
                "Three small servers running virtual machines, a NAS for storage and a rack in the basement with a UPS.");
        ingest(s, "yt:marathon01", "A sixteen week marathon plan", "Run Club", "youtube",
                "Long slow runs on Sundays, tempo intervals midweek and tapering before race day to finish 42 kilometres.");
        ingest(s, "web:espresso01", "Dialing in espresso", "Coffee Notes", "web",
                "Grind size, dose and extraction time for a balanced shot; tamping evenly and steaming milk for a latte.");
        ingest(s, "reddit:pasta01", "Fresh pasta by hand", "r/cooking", "reddit",
                "Eggs and semolina kneaded into a dough, rolled thin and cut into tagliatelle, then boiled for two minutes.");
    }

    public static void awaitEmbedded(TestServer s, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var st = s.getJson("/api/semantic/status");
            return st.path("indexed").asInt() == count && st.path("embedded").asInt() == count && !st.path("backfilling").asBoolean();
        });
    }
}
