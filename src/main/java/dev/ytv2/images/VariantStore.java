package dev.ytv2.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.events.Event;
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
            Event event = new Event.VariantDeleted(item.videoId(), v.url(), v.mode().wire(), v.id().orElse(null));
            if (item.isSelected(v)) {
                Optional<String> replacement = item.newestRemaining(v.mode(), v).map(Variant::url);
                document.select(h, item.videoId(), v.mode(), replacement);
                event = new Event.SelectedVariantDeleted(item.videoId(), v.url(), v.mode().wire(), v.id().orElse(null),
                        replacement.orElse(null));
            }
            return append(h, event);
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
            return append(h, new Event.VariantRestored(item.videoId(), v.url(), v.mode().wire(), v.id().orElse(null), select));
        });
    }

    public ImageChange star(String id, VariantRef ref, boolean starred) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            Variant v = item.find(ref);
            document.star(h, item.videoId(), ref, starred);
            return append(h, new Event.VariantStarred(item.videoId(), v.url(), v.mode().wire(), v.id().orElse(null), starred));
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
            return append(h, new Event.AllVariantsDeleted(item.videoId(), modes.stream().sorted().map(ImageMode::wire).toList(),
                    doomed.stream().map(Variant::url).toList()));
        });
    }

    private ImageChange append(Handle h, Event event) {
        return new ImageChange(event.type().wire(), events.append(h, event), events.json(event));
    }
}
