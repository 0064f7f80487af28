package dev.ytv2.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** One `content` row as stored; JSON columns kept as text until a view of it is built. */
public record ContentRow(
        String videoId, String id, String title, String channelName, String contentSource,
        OffsetDateTime publishedAt, Integer durationSeconds, String thumbnailUrl, String canonicalUrl,
        String summaryImageUrl, String language, String subcategoriesJson, String topicsJson,
        String analysisJson, String media, String mediaMetadata, boolean hasAudio,
        OffsetDateTime indexedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String COLUMNS = """
            c.video_id, c.id, c.title, c.channel_name, c.content_source, c.published_at, c.duration_seconds,
            c.thumbnail_url, c.canonical_url, c.summary_image_url, c.language, c.subcategories_json::text,
            c.topics_json::text, c.analysis_json::text, c.media::text, c.media_metadata::text,
            coalesce(c.has_audio, false), c.indexed_at, c.created_at, c.updated_at""";

    public static ContentRow map(ResultSet rs) throws SQLException {
        return new ContentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, Integer.class), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getBoolean(17),
                rs.getObject(18, OffsetDateTime.class), rs.getObject(19, OffsetDateTime.class),
                rs.getObject(20, OffsetDateTime.class));
    }
}
