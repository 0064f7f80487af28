package dev.ytv2.content;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.files.FileReferences;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes reports: the ingest upsert (which merges and never wipes image or audio fields), audio
 * attachment, and delete. Each is one transaction that also appends its event. The image keys of a
 * sent analysis document are not written here but handed to their owner ({@link ImageSection}).
 */
public final class ReportWriter {
    /** Audio keys inside `media` that re-ingest must not wipe. */
    private static final List<String> AUDIO_KEYS = List.of("has_audio", "audio_url", "audio_duration_seconds", "audio_format", "audio_voice");

    private final Jdbi jdbi;
    private final EventLog events;
    private final NewReportHook onCreated;
    private final FileReferences references;
    private final ImageSection images;

    public ReportWriter(Jdbi jdbi, EventLog events, NewReportHook onCreated, FileReferences references, ImageSection images) {
        this.jdbi = jdbi;
        this.events = events;
        this.onCreated = onCreated;
        this.references = references;
        this.images = images;
    }

    public record Result(String videoId, boolean created, int newSummaryRevisions) {
    }

    /**
     * Who sent a report: a client (the ingest API) may only name stored files it may claim; the
     * operator's own import and the demo library name the files they placed themselves.
     */
    public enum Origin { CLIENT, OPERATOR }

    public Result upsert(IngestPayload p, Origin origin) {
        return jdbi.inTransaction(h -> {
            String videoId = ReportStore.resolve(h, p.videoId()).orElse(ReportIds.prefixed(p.videoId(), p.contentSource()));
            java.util.Set<String> filesBefore = origin == Origin.CLIENT ? references.of(h, videoId) : java.util.Set.of();
            Optional<ObjectNode> analysis = p.analysis().map(a -> (ObjectNode) a.deepCopy());
            ObjectNode sentImageKeys = JsonNodeFactory.instance.objectNode();
            analysis.ifPresent(a -> images.keys().forEach(k -> {
                if (a.has(k)) sentImageKeys.set(k, a.remove(k));
            }));
            boolean created = h.createQuery("""
                            INSERT INTO content AS c (video_id, id, title, channel_name, content_source, published_at,
                                duration_seconds, thumbnail_url, canonical_url, language, subcategories_json, topics_json,
                                analysis_json, media, media_metadata, has_audio, indexed_at, created_at, updated_at)
                            VALUES (:videoId, :videoId, :title, :channel, :source, :publishedAt, :duration, :thumbnail,
                                :canonical, :language, CAST(:subcategories AS jsonb), CAST(:topics AS jsonb),
                                coalesce(CAST(:analysis AS jsonb), '{}'::jsonb), CAST(:media AS jsonb),
                                CAST(:mediaMetadata AS jsonb), coalesce(:hasAudio, false), coalesce(:indexedAt, now()),
                                now(), now())
                            ON CONFLICT (video_id) DO UPDATE SET
                                title = coalesce(EXCLUDED.title, c.title),
                                channel_name = coalesce(EXCLUDED.channel_name, c.channel_name),
                                content_source = coalesce(EXCLUDED.content_source, c.content_source),
                                published_at = coalesce(EXCLUDED.published_at, c.published_at),
                                duration_seconds = coalesce(EXCLUDED.duration_seconds, c.duration_seconds),
                                thumbnail_url = coalesce(EXCLUDED.thumbnail_url, c.thumbnail_url),
                                canonical_url = coalesce(EXCLUDED.canonical_url, c.canonical_url),
                                language = coalesce(EXCLUDED.language, c.language),
                                subcategories_json = coalesce(EXCLUDED.subcategories_json, c.subcategories_json),
                                topics_json = coalesce(EXCLUDED.topics_json, c.topics_json),
                                analysis_json = ytv2_as_object(c.analysis_json) || EXCLUDED.analysis_json,
                                media = CASE WHEN CAST(:media AS jsonb) IS NULL THEN c.media
                                    ELSE ytv2_merge_keeping(c.media, EXCLUDED.media, CAST(:audioKeys AS text[])) END,
                                media_metadata = coalesce(EXCLUDED.media_metadata, c.media_metadata),
                                has_audio = coalesce(c.has_audio, false) OR coalesce(:hasAudio, false),
                                indexed_at = coalesce(c.indexed_at, EXCLUDED.indexed_at),
                                updated_at = now()
                            RETURNING (xmax = 0)""")
                    .bind("videoId", videoId)
                    .bind("title", p.title().orElse(null))
                    .bind("channel", p.channelName().orElse(null))
                    .bind("source", p.contentSource())
                    .bind("publishedAt", p.publishedAt().orElse(null))
                    .bind("duration", p.durationSeconds().orElse(null))
                    .bind("thumbnail", p.thumbnailUrl().orElse(null))
                    .bind("canonical", p.canonicalUrl().orElse(null))
                    .bind("language", p.language().orElse(null))
                    .bind("subcategories", p.subcategories().map(Object::toString).orElse(null))
                    .bind("topics", p.topics().map(Object::toString).orElse(null))
                    .bind("analysis", analysis.map(Object::toString).orElse(null))
                    .bind("media", p.media().map(Object::toString).orElse(null))
                    .bind("mediaMetadata", p.mediaMetadata().map(Object::toString).orElse(null))
                    .bind("hasAudio", p.hasAudio().orElse(null))
                    .bind("indexedAt", p.indexedAt().orElse(null))
                    .bind("audioKeys", AUDIO_KEYS.toArray(String[]::new))
                    .mapTo(Boolean.class).one();
            images.adopt(h, videoId, sentImageKeys);
            if (origin == Origin.CLIENT) references.checkClaims(h, videoId, filesBefore);
            int revisions = 0;
            for (IngestPayload.Summary s : p.summaries()) {
                if (writeSummary(h, videoId, s)) revisions++;
            }
            String title = p.title().orElse(null);
            events.append(h, created ? new Event.ReportAdded(videoId, title) : new Event.ReportUpdated(videoId, title, null));
            if (created) onCreated.created(h, videoId);
            return new Result(videoId, created, revisions);
        });
    }

    /** A new revision only when the text or HTML changed; the older one stops being latest. */
    private static boolean writeSummary(Handle h, String videoId, IngestPayload.Summary s) {
        record Latest(int revision, String text, String html, String type) {
        }
        Optional<Latest> latest = h.createQuery("""
                        SELECT revision, text, html, summary_type FROM content_summaries
                        WHERE video_id = :videoId AND variant = :variant ORDER BY revision DESC LIMIT 1 FOR UPDATE""")
                .bind("videoId", videoId).bind("variant", s.variant())
                .map((rs, ctx) -> new Latest(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).findOne();
        String text = s.text().orElse(null);
        String html = s.html().orElse(null);
        String type = s.summaryType().orElse(s.variant());
        if (latest.isPresent() && Objects.equals(latest.get().text(), text) && Objects.equals(latest.get().html(), html)) {
            if (!Objects.equals(latest.get().type(), type)) {
                h.createUpdate("UPDATE content_summaries SET summary_type = :type WHERE video_id = :videoId AND variant = :variant AND revision = :revision")
                        .bind("type", type).bind("videoId", videoId).bind("variant", s.variant())
                        .bind("revision", latest.get().revision()).execute();
            }
            return false;
        }
        h.createUpdate("UPDATE content_summaries SET is_latest = false WHERE video_id = :videoId AND variant = :variant AND is_latest")
                .bind("videoId", videoId).bind("variant", s.variant()).execute();
        h.createUpdate("""
                        INSERT INTO content_summaries (video_id, variant, summary_type, text, html, revision, is_latest, created_at)
                        VALUES (:videoId, :variant, :type, :text, :html, :revision, true, now())""")
                .bind("videoId", videoId).bind("variant", s.variant()).bind("type", type)
                .bind("text", text).bind("html", html)
                .bind("revision", latest.map(l -> l.revision() + 1).orElse(1)).execute();
        return true;
    }

    /** Sets the audio keys in `media` (only those) and `has_audio`. */
    public Optional<String> attachAudio(String id, String audioUrl, long bytes) {
        return jdbi.inTransaction(h -> ReportStore.resolve(h, id).map(videoId -> {
            h.createUpdate("""
                            UPDATE content SET has_audio = true, updated_at = now(),
                                media = coalesce(media, '{}'::jsonb) || jsonb_build_object('has_audio', true,
                                    'audio_url', CAST(:url AS text), 'audio_bytes', CAST(:bytes AS bigint))
                            WHERE video_id = :videoId""")
                    .bind("url", audioUrl).bind("bytes", bytes).bind("videoId", videoId).execute();
            events.append(h, new Event.ReportUpdated(videoId, null, audioUrl));
            return videoId;
        }));
    }

    /**
     * Removes a report and its summaries; returns the stored files it referred to that no other
     * report refers to, for the caller to remove after the commit.
     */
    public Optional<List<String>> delete(String id) {
        return jdbi.inTransaction(h -> ReportStore.resolve(h, id).map(videoId -> {
            java.util.Set<String> urls = references.of(h, videoId);
            h.createUpdate("DELETE FROM content WHERE video_id = :videoId").bind("videoId", videoId).execute();
            events.append(h, new Event.ReportDeleted(videoId));
            return references.unreferenced(h, urls);
        }));
    }
}
