package dev.ytv2.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The `event_log` table. Events are appended inside the transaction of the change they describe,
 * and a NOTIFY (delivered only on commit) wakes every server's {@link EventHub}: nothing is
 * announced for a change that rolled back.
 */
public final class EventLog {
    public static final String CHANNEL = "ytv2_events";
    // One lock for all appenders: ids then become visible in the order they were handed out, so a
    // reader that has seen id N can never later find an N-1 committed behind it.
    private static final long APPEND_LOCK = 0x59545632_4556L;

    private final Jdbi jdbi;
    // Payload keys are snake_case, as the browser and YTV2 read them; the records' components are camelCase.
    private final ObjectMapper payloads;

    public EventLog(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.payloads = mapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /** An event as stored; `type` stays a string, since a row may come from a newer version of the product. */
    public record Entry(long id, String type, String videoId, String payload, OffsetDateTime createdAt) {
        public boolean is(EventType t) {
            return t.wire().equals(type);
        }
    }

    /** Append as the last step of a transaction: the lock is held until that commit. */
    public long append(Handle h, Event event) {
        h.execute("SELECT pg_advisory_xact_lock(?)", APPEND_LOCK);
        long id = h.createQuery("""
                        INSERT INTO event_log (type, video_id, payload) VALUES (:type, :videoId, CAST(:payload AS jsonb))
                        RETURNING id""")
                .bind("type", event.type().wire()).bind("videoId", event.videoId()).bind("payload", json(event).toString())
                .mapTo(Long.class).one();
        h.execute("SELECT pg_notify(?, ?)", CHANNEL, Long.toString(id));
        return id;
    }

    public long append(Event event) {
        return jdbi.inTransaction(h -> append(h, event));
    }

    /** The payload of an event as the stream sends it. */
    public ObjectNode json(Event event) {
        return payloads.valueToTree(event);
    }

    /** The payload of something the hub sends that is not logged (`resync`). */
    String json(Record notice) {
        return payloads.valueToTree(notice).toString();
    }

    public List<Entry> after(long id, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, type, video_id, payload::text, created_at FROM event_log
                        WHERE id > :id ORDER BY id LIMIT :limit""")
                .bind("id", id).bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list());
    }

    public long latestId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM event_log").mapTo(Long.class).one());
    }

    public long oldestId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(min(id), 0) FROM event_log").mapTo(Long.class).one());
    }

    /** Keeps the log bounded; clients further behind than what is kept get `resync`. */
    public int prune(int keep) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM event_log WHERE id <= (SELECT max(id) FROM event_log) - :keep")
                .bind("keep", keep).execute());
    }
}
