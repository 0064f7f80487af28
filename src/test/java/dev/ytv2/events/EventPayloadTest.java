package dev.ytv2.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.db.Database;
import dev.ytv2.http.Json;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event record written as the payload the browser, YTV2 and the tests read: the keys, which
 * of them are left out and which are written as null, exactly as they were before events were typed.
 */
@DbTest
class EventPayloadTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    /** Each record with the payload it must produce, in the key order an answer of an image write shows. */
    private static Map<Event, String> samples() {
        Map<Event, String> m = new LinkedHashMap<>();
        m.put(new Event.ReportAdded("yt:a", "Title"), "{\"video_id\":\"yt:a\",\"title\":\"Title\"}");
        m.put(new Event.ReportAdded("yt:a", null), "{\"video_id\":\"yt:a\"}");
        m.put(new Event.ReportUpdated("yt:a", "Title", null), "{\"video_id\":\"yt:a\",\"title\":\"Title\"}");
        m.put(new Event.ReportUpdated("yt:a", null, "/exports/audio/a.mp3"), "{\"video_id\":\"yt:a\",\"audio_url\":\"/exports/audio/a.mp3\"}");
        m.put(new Event.ReportDeleted("yt:a"), "{\"video_id\":\"yt:a\"}");
        m.put(new Event.PromptSet("yt:a", "ai1"), "{\"video_id\":\"yt:a\",\"mode\":\"ai1\"}");
        m.put(new Event.JobQueued("yt:a", "ai2", 7), "{\"video_id\":\"yt:a\",\"mode\":\"ai2\",\"job_id\":7}");
        m.put(new Event.JobStarted("yt:a", "ai1", 7, 2), "{\"video_id\":\"yt:a\",\"mode\":\"ai1\",\"job_id\":7,\"attempt\":2}");
        m.put(new Event.JobFailed("yt:a", "ai1", 7, "boom", false, "2030-01-01T00:00:00Z"),
                "{\"video_id\":\"yt:a\",\"mode\":\"ai1\",\"job_id\":7,\"error\":\"boom\",\"final\":false,\"retry_at\":\"2030-01-01T00:00:00Z\"}");
        m.put(new Event.JobFailed("yt:a", "ai1", 7, "boom", true, null),
                "{\"video_id\":\"yt:a\",\"mode\":\"ai1\",\"job_id\":7,\"error\":\"boom\",\"final\":true,\"retry_at\":null}");
        m.put(new Event.VariantAdded("yt:a", "ai1", 7, MAPPER.createObjectNode().put("id", "v1").put("url", "/u")),
                "{\"video_id\":\"yt:a\",\"mode\":\"ai1\",\"job_id\":7,\"variant\":{\"id\":\"v1\",\"url\":\"/u\"},\"selected\":true}");
        m.put(new Event.VariantSelected("yt:a", "ai2", "/u"), "{\"video_id\":\"yt:a\",\"mode\":\"ai2\",\"url\":\"/u\"}");
        m.put(new Event.DisplayModeSet("yt:a", "og"), "{\"video_id\":\"yt:a\",\"mode\":\"og\"}");
        m.put(new Event.DisplayModeSet("yt:a", null), "{\"video_id\":\"yt:a\",\"mode\":null}");
        m.put(new Event.VariantDeleted("yt:a", "/u", "ai1", "v1"), "{\"video_id\":\"yt:a\",\"url\":\"/u\",\"mode\":\"ai1\",\"id\":\"v1\"}");
        m.put(new Event.VariantDeleted("yt:a", "/u", "ai1", null), "{\"video_id\":\"yt:a\",\"url\":\"/u\",\"mode\":\"ai1\"}");
        m.put(new Event.SelectedVariantDeleted("yt:a", "/u", "ai1", "v1", "/b"),
                "{\"video_id\":\"yt:a\",\"url\":\"/u\",\"mode\":\"ai1\",\"id\":\"v1\",\"replacement_url\":\"/b\"}");
        m.put(new Event.SelectedVariantDeleted("yt:a", "/u", "ai2", null, null),
                "{\"video_id\":\"yt:a\",\"url\":\"/u\",\"mode\":\"ai2\",\"replacement_url\":null}");
        m.put(new Event.AllVariantsDeleted("yt:a", List.of("ai1", "ai2"), List.of("/u1", "/u2")),
                "{\"video_id\":\"yt:a\",\"all\":true,\"replacement_url\":null,\"modes\":[\"ai1\",\"ai2\"],\"urls\":[\"/u1\",\"/u2\"],\"count\":2}");
        m.put(new Event.AllVariantsDeleted("yt:a", List.of("ai1"), List.of()),
                "{\"video_id\":\"yt:a\",\"all\":true,\"replacement_url\":null,\"modes\":[\"ai1\"],\"count\":0}");
        m.put(new Event.VariantRestored("yt:a", "/u", "ai1", "v1", true),
                "{\"video_id\":\"yt:a\",\"url\":\"/u\",\"mode\":\"ai1\",\"id\":\"v1\",\"selected\":true}");
        m.put(new Event.VariantStarred("yt:a", "/u", "ai2", "v1", false),
                "{\"video_id\":\"yt:a\",\"url\":\"/u\",\"mode\":\"ai2\",\"id\":\"v1\",\"starred\":false}");
        m.put(new Event.ImagesPurged("yt:a", List.of("/u1", "/u2")), "{\"video_id\":\"yt:a\",\"count\":2,\"urls\":[\"/u1\",\"/u2\"]}");
        m.put(new Event.EmbeddingsUpdated("model-x", List.of("yt:a", "yt:b")), "{\"model\":\"model-x\",\"video_ids\":[\"yt:a\",\"yt:b\"]}");
        m.put(new Event.EmbedJobFailed("yt:a", 7, "no provider", true), "{\"video_id\":\"yt:a\",\"job_id\":7,\"error\":\"no provider\",\"final\":true}");
        return m;
    }

    @Test
    void eachRecordIsWrittenAsThePayloadTheStreamHasAlwaysSent() {
        EventLog log = new EventLog(null, MAPPER); // json() never touches the database
        samples().forEach((event, expected) ->
                assertThat(log.json(event).toString()).as(event.toString()).isEqualTo(expected));
    }

    @Test
    void theSamplesCoverEveryRecordAndEveryLoggedType() {
        Set<Class<?>> records = samples().keySet().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(records).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
        Set<EventType> types = samples().keySet().stream().map(Event::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
        assertThat(types).isEqualTo(EnumSet.complementOf(EnumSet.of(EventType.RESYNC)));
        assertThat(Arrays.stream(EventType.values()).map(EventType::wire).distinct().count()).isEqualTo(EventType.values().length);
    }

    @Test
    void theLogKeepsTypePayloadAndReportOfEachEvent() throws Exception {
        try (Database db = Database.open(Optional.of(TestDatabase.newDatabase()), Files.createTempDirectory("ytv2-payload-"), 2)) {
            EventLog log = new EventLog(db.jdbi(), MAPPER);
            Map<Event, String> samples = samples();
            long before = log.latestId();
            for (Event e : samples.keySet()) log.append(e);
            List<EventLog.Entry> stored = log.after(before, 100);
            assertThat(stored).hasSize(samples.size());
            int i = 0;
            for (Map.Entry<Event, String> s : samples.entrySet()) {
                EventLog.Entry entry = stored.get(i++);
                assertThat(entry.type()).isEqualTo(s.getKey().type().wire());
                assertThat(entry.is(s.getKey().type())).isTrue();
                assertThat(entry.videoId()).isEqualTo(s.getKey().videoId());
                JsonNode read = MAPPER.readTree(entry.payload());
                assertThat(read).as(entry.type()).isEqualTo(MAPPER.readTree(s.getValue()));
            }
            assertThat(stored.stream().filter(e -> e.is(EventType.EMBEDDINGS_UPDATED)).findFirst().orElseThrow().videoId()).isNull();
        }
    }
}
