package dev.ytv2.images;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users hammer one report with mixed image writes while a worker appends variants. Event ids are
 * handed out in commit order, so for each key the write with the highest event id must be what stands.
 */
@DbTest
class ImageConcurrencyTest {
    static TestServer server;
    static ImageKit kit;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        kit = new ImageKit(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The last committed write of one key: its event id and the value it wrote. */
    record Write(long eventId, String value) {
    }

    @Test
    void concurrentWritersAndAWorkerLoseNothingAndTheLastWriteOfEachKeyStands() throws Exception {
        String id = kit.report("contended");
        Instant t0 = Instant.parse("2025-06-01T00:00:00Z");
        List<String> a1 = List.of("/exports/images/c/a1-0.png", "/exports/images/c/a1-1.png", "/exports/images/c/a1-2.png");
        for (int i = 0; i < a1.size(); i++) kit.appendVariant(id, kit.variant(a1.get(i), "ai1", t0.plusSeconds(i), true));

        Map<String, Write> last = new ConcurrentHashMap<>();
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Future<?>> futures = new ArrayList<>();
        int workerVariants = 60;
        futures.add(pool.submit(() -> {
            for (int i = 0; i < workerVariants; i++) {
                kit.appendVariant(id, kit.variant("/exports/images/w/" + i + ".png", "ai2", t0.plusSeconds(100 + i), true));
            }
        }));
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = 0; i < 30; i++) {
                    String tag = thread + "-" + i;
                    int op = rnd.nextInt(5);
                    String key;
                    String value;
                    String path;
                    String body;
                    switch (op) {
                        case 0 -> {
                            key = "summary_image_prompt";
                            value = "a1 prompt " + tag;
                            path = "/api/set-image-prompt";
                            body = "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"prompt\":\"" + value + "\"}";
                        }
                        case 1 -> {
                            key = "summary_image_ai2_prompt";
                            value = "ai2 prompt " + tag;
                            path = "/api/set-image-prompt";
                            body = "{\"video_id\":\"" + id + "\",\"mode\":\"ai2\",\"prompt\":\"" + value + "\"}";
                        }
                        case 2 -> {
                            key = "summary_image_display_mode";
                            value = List.of("og", "ai1", "ai2").get(rnd.nextInt(3));
                            path = "/api/set-image-display-mode";
                            body = "{\"video_id\":\"" + id + "\",\"mode\":\"" + value + "\"}";
                        }
                        case 3 -> {
                            key = "selected";
                            value = a1.get(rnd.nextInt(a1.size()));
                            path = "/api/select-image-variant";
                            body = "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"url\":\"" + value + "\"}";
                        }
                        default -> {
                            String url = a1.get(rnd.nextInt(a1.size()));
                            key = "starred " + url;
                            value = Boolean.toString(rnd.nextBoolean());
                            path = "/api/star-image-variant";
                            body = "{\"video_id\":\"" + id + "\",\"url\":\"" + url + "\",\"starred\":" + value + "}";
                        }
                    }
                    HttpResponse<String> r = kit.post(path, body);
                    synchronized (statuses) {
                        statuses.add(r.statusCode());
                    }
                    if (r.statusCode() == 200) {
                        Write w = new Write(server.json(r).get("event_id").asLong(), value);
                        last.merge(key, w, (a, b) -> a.eventId() > b.eventId() ? a : b);
                    }
                }
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();

        assertThat(statuses).hasSize(240).containsOnly(200);
        var stored = kit.stored(id);
        JsonNode a = stored.getKey();
        Set<String> urls = new HashSet<>();
        a.get("summary_image_variants").forEach(v -> urls.add(v.get("url").asText()));
        for (int i = 0; i < workerVariants; i++) assertThat(urls).contains("/exports/images/w/" + i + ".png");
        assertThat(urls).containsAll(a1).hasSize(workerVariants + a1.size());

        Map<String, Write> expected = new TreeMap<>(last);
        for (var e : expected.entrySet()) {
            String key = e.getKey();
            String want = e.getValue().value();
            if (key.equals("selected")) {
                assertThat(stored.getValue()).isEqualTo(want);
                assertThat(a.get("summary_image_selected_url").asText()).isEqualTo(want);
            } else if (key.startsWith("starred ")) {
                assertThat(kit.variantByUrl(id, key.substring(8)).get("starred").asText()).as(key).isEqualTo(want);
            } else {
                assertThat(a.get(key).asText()).as(key).isEqualTo(want);
            }
        }
        assertThat(a.get("summary_image_prompt_last_used").asText()).isEqualTo("rendered before");
        assertThat(expected).containsKeys("summary_image_prompt", "summary_image_ai2_prompt", "summary_image_display_mode", "selected");
    }
}
