package dev.ytv2.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.errors.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of entries in `summary_image_variants`: soft delete, restore, star, delete-all. The
 * array is rewritten element by element in SQL from the row as it is under the lock, so a variant
 * a worker appends meanwhile is never lost.
 */
public final class VariantStore {
    private static final String DELETE = "v || jsonb_build_object('deleted_at', to_jsonb(now()))";
    private static final String RESTORE = "v - 'deleted_at'";
    private static final String STAR = "v || jsonb_build_object('starred', CAST(:starred AS boolean))";
    private static final String OF_MODES_NOT_DELETED = """
            (CASE WHEN lower(v ->> 'image_mode') = 'ai2' THEN 'ai2' ELSE 'ai1' END) = ANY(CAST(:modes AS text[]))
            AND coalesce(v ->> 'deleted_at', '') = ''""";

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final EventLog events;

    public VariantStore(Jdbi jdbi, ObjectMapper mapper, EventLog events) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.events = events;
    }

    /** Soft delete; a selected variant hands its place to the newest remaining one of its mode. */
    public ImageChange delete(String id, VariantRef ref) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            Variant v = item.find(ref);
            if (v.deleted()) throw Refusal.conflict("already_deleted", "That image variant is already deleted.");
            patch(h, item.videoId(), VariantRef.SQL_MATCH, DELETE, refBinds(ref));
            Event event = new Event.VariantDeleted(item.videoId(), v.url(), v.mode().wire(), v.id().orElse(null));
            if (item.isSelected(v)) {
                Optional<String> replacement = item.newestRemaining(v.mode(), v).map(Variant::url);
                ImageStore.setSelection(h, item.videoId(), v.mode(), replacement);
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
            patch(h, item.videoId(), VariantRef.SQL_MATCH, RESTORE, refBinds(ref));
            boolean select = item.selected(v.mode()).isEmpty();
            if (select) ImageStore.setSelection(h, item.videoId(), v.mode(), Optional.of(v.url()));
            return append(h, new Event.VariantRestored(item.videoId(), v.url(), v.mode().wire(), v.id().orElse(null), select));
        });
    }

    public ImageChange star(String id, VariantRef ref, boolean starred) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            Variant v = item.find(ref);
            Map<String, Object> binds = new java.util.HashMap<>(refBinds(ref));
            binds.put("starred", starred);
            patch(h, item.videoId(), VariantRef.SQL_MATCH, STAR, binds);
            return append(h, new Event.VariantStarred(item.videoId(), v.url(), v.mode().wire(), v.id().orElse(null), starred));
        });
    }

    /** Soft-deletes every AI image of the given modes and clears their selections. */
    public ImageChange deleteAll(String id, Set<ImageMode> modes) {
        return jdbi.inTransaction(h -> {
            LockedItem item = LockedItem.lock(h, mapper, id);
            List<Variant> doomed = item.variants().stream().filter(v -> modes.contains(v.mode()) && !v.deleted()).toList();
            patch(h, item.videoId(), OF_MODES_NOT_DELETED, DELETE,
                    Map.of("modes", modes.stream().map(ImageMode::wire).toArray(String[]::new)));
            for (ImageMode mode : modes) {
                if (item.selected(mode).isPresent()) ImageStore.setSelection(h, item.videoId(), mode, Optional.empty());
            }
            return append(h, new Event.AllVariantsDeleted(item.videoId(), modes.stream().sorted().map(ImageMode::wire).toList(),
                    doomed.stream().map(Variant::url).toList()));
        });
    }

    /** Rewrites the matching elements with `transform` (both SQL over the element `v`). */
    static void patch(Handle h, String videoId, String match, String transform, Map<String, ?> binds) {
        h.createUpdate("""
                        UPDATE content SET updated_at = now(),
                            analysis_json = jsonb_set(ytv2_as_object(analysis_json), '{summary_image_variants}', (
                                SELECT coalesce(jsonb_agg(CASE WHEN %s THEN %s ELSE v END ORDER BY i), '[]'::jsonb)
                                FROM jsonb_array_elements(ytv2_variants(analysis_json)) WITH ORDINALITY AS e(v, i)))
                        WHERE video_id = :videoId""".formatted(match, transform))
                .bindMap(binds).bind("videoId", videoId)
                .execute();
    }

    private static Map<String, Object> refBinds(VariantRef ref) {
        Map<String, Object> binds = new java.util.HashMap<>();
        binds.put("refId", ref.id().orElse(null));
        binds.put("refUrl", ref.url().orElse(null));
        return binds;
    }

    private ImageChange append(Handle h, Event event) {
        return new ImageChange(event.type().wire(), events.append(h, event), events.json(event));
    }
}
