package dev.ytv2.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.events.EventLog;
import dev.ytv2.errors.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a report's image variants: soft delete, restore, star, delete-all. Each is one
 * transaction: lock the row, validate against it, write through {@link ImageDocument} (which
 * rewrites the array element by element in SQL), append the event.
 */
public final class VariantStore {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final EventLog events;
    private final ImageDocument document;

    public VariantStore(Jdbi jdbi, ObjectMapper mapper, EventLog events, ImageDocument document) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.events = events;
        this.document = document;
    }

    /** Soft delete; a selected variant hands its place to the newest remaining one of its mode. */
    public ImageChange delete(String id, VariantRef ref) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            Variant v = item.find(ref);
            if (v.deleted()) throw Refusal.conflict("already_deleted", "That image variant is already deleted.");
            document.softDelete(h, item.videoId(), ref);
            ObjectNode payload = describe(item, v);
            if (item.isSelected(v)) {
                Optional<String> replacement = item.newestRemaining(v.mode(), v).map(Variant::url);
                document.select(h, item.videoId(), v.mode(), replacement);
                payload.put("replacement_url", replacement.orElse(null));
            }
            return append(h, "image-variant-deleted", payload);
        });
    }

    /** Undo of a delete; a mode left with nothing selected selects the restored image again. */
    public ImageChange restore(String id, VariantRef ref) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            Variant v = item.find(ref);
            if (!v.deleted()) throw Refusal.conflict("not_deleted", "That image variant is not deleted.");
            document.restore(h, item.videoId(), ref);
            boolean select = item.selected(v.mode()).isEmpty();
            if (select) document.select(h, item.videoId(), v.mode(), Optional.of(v.url()));
            return append(h, "image-variant-restored", describe(item, v).put("selected", select));
        });
    }

    public ImageChange star(String id, VariantRef ref, boolean starred) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            Variant v = item.find(ref);
            document.star(h, item.videoId(), ref, starred);
            return append(h, "image-variant-starred", describe(item, v).put("starred", starred));
        });
    }

    /** Soft-deletes every AI image of the given modes and clears their selections. */
    public ImageChange deleteAll(String id, Set<ImageMode> modes) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            List<Variant> doomed = item.variants().stream().filter(v -> modes.contains(v.mode()) && !v.deleted()).toList();
            document.softDeleteAll(h, item.videoId(), modes);
            for (ImageMode mode : modes) {
                if (item.selected(mode).isPresent()) document.select(h, item.videoId(), mode, Optional.empty());
            }
            ObjectNode payload = events.payload(item.videoId()).put("all", true).putNull("replacement_url");
            modes.stream().sorted().forEach(m -> payload.withArray("modes").add(m.wire()));
            doomed.forEach(v -> payload.withArray("urls").add(v.url()));
            payload.put("count", doomed.size());
            return append(h, "image-variant-deleted", payload);
        });
    }

    private ObjectNode describe(LockedItem item, Variant v) {
        ObjectNode p = events.payload(item.videoId()).put("url", v.url()).put("mode", v.mode().wire());
        v.id().ifPresent(i -> p.put("id", i));
        return p;
    }

    private ImageChange append(Handle h, String type, ObjectNode payload) {
        return new ImageChange(type, events.append(h, type, payload), payload);
    }
}
