package dev.ytv2.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser's list of event types (`web/static/event-types.js`) is the server's {@link EventType}, group for group. */
@UnitTest
class EventTypesTest {
    @Test
    void theBrowsersEventTypesAreExactlyTheServers() throws Exception {
        Map<String, List<String>> server = new LinkedHashMap<>();
        for (EventType.Group g : EventType.Group.values()) server.put(g.wire(), new ArrayList<>());
        for (EventType t : EventType.values()) server.get(t.group().wire()).add(t.wire());

        Map<String, List<String>> browser = browserGroups();

        assertThat(browser.keySet()).as("groups, in order").containsExactlyElementsOf(server.keySet());
        server.forEach((group, types) ->
                assertThat(browser.get(group)).as("event types of group '%s', in order", group).containsExactlyElementsOf(types));
    }

    @Test
    void wireNamesAreFoundByName() {
        Arrays.stream(EventType.values()).forEach(t -> assertThat(EventType.ofWire(t.wire())).contains(t));
        assertThat(EventType.ofWire("image-job-done")).isEmpty();
    }

    /** The object literal after `EVENT_GROUPS =`, which the file keeps as strict JSON for this test to read. */
    private static Map<String, List<String>> browserGroups() throws Exception {
        String js;
        try (InputStream in = EventTypesTest.class.getClassLoader().getResourceAsStream("web/static/event-types.js")) {
            assertThat(in).as("web/static/event-types.js on the classpath").isNotNull();
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String marker = "export const EVENT_GROUPS = ";
        int start = js.indexOf(marker);
        assertThat(start).as("event-types.js declares EVENT_GROUPS").isNotNegative();
        int end = js.indexOf("};", start);
        assertThat(end).as("EVENT_GROUPS ends with };").isPositive();
        String literal = js.substring(start + marker.length(), end + 1);
        return new ObjectMapper().readValue(literal, new TypeReference<LinkedHashMap<String, List<String>>>() { });
    }
}
