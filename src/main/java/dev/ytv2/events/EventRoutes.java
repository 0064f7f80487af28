package dev.ytv2.events;

import dev.ytv2.http.ApiError;
import dev.ytv2.http.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;

import java.util.Optional;
import java.util.OptionalLong;

/** `GET /api/report-events`: the live stream (auth is applied in the route table), within {@link StreamLimits}. */
public final class EventRoutes {
    private static final String LAST_ID = "ytv2.lastEventId";
    private static final String SLOT = "ytv2.streamSlot";

    private final EventHub hub;
    private final StreamLimits limits;
    private final ClientAddress clients;
    private final SseHandler sse = new SseHandler(0L, this::accept);

    /** Without caps, for a hub on its own. */
    public EventRoutes(EventHub hub) {
        this(hub, new StreamLimits(new StreamLimits.Settings(Integer.MAX_VALUE, Integer.MAX_VALUE, 4)), new ClientAddress(java.util.List.of()));
    }

    public EventRoutes(EventHub hub, StreamLimits limits, ClientAddress clients) {
        this.hub = hub;
        this.limits = limits;
        this.clients = clients;
    }

    public void stream(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiError(406, "not_acceptable", "This is an event stream: send Accept: text/event-stream.");
        }
        OptionalLong last = lastEventId(ctx);
        ctx.attribute(LAST_ID, last);
        StreamLimits.Slot slot = limits.acquire(clients.of(ctx));
        ctx.attribute(SLOT, slot);
        try {
            // The hub reads what a reconnecting client missed while it joins.
            if (last.isPresent()) limits.replaying(() -> sse.handle(ctx));
            else sse.handle(ctx);
        } catch (Exception | Error e) {
            slot.run();
            throw e;
        }
    }

    private void accept(SseClient client) {
        client.keepAlive();
        OptionalLong last = client.ctx().attribute(LAST_ID);
        hub.join(client, last == null ? OptionalLong.empty() : last, client.ctx().attribute(SLOT));
    }

    /** `Last-Event-ID` as EventSource sends it, or `?last_event_id=` for clients that cannot set headers. */
    private static OptionalLong lastEventId(Context ctx) {
        Optional<String> raw = Optional.ofNullable(ctx.header("Last-Event-ID"))
                .or(() -> Optional.ofNullable(ctx.queryParam("last_event_id")))
                .map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) return OptionalLong.empty();
        try {
            long id = Long.parseLong(raw.get());
            if (id < 0) throw new NumberFormatException();
            return OptionalLong.of(id);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_last_event_id", "Last-Event-ID must be a non-negative event id.");
        }
    }
}
