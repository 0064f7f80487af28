package dev.ytv2.images;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What an image write did: the event it raised (id from event_log) and that event's payload. */
public record ImageChange(String event, long eventId, ObjectNode payload) {
}
