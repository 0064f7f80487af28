package dev.ytv2.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.files.ExportRoutes;
import dev.ytv2.files.FileStore;
import dev.ytv2.files.MediaType;
import dev.ytv2.files.StoredFile;
import dev.ytv2.http.ApiError;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audio calls of YTV2's NAS worker: `POST /api/upload-audio` (stored as
 * `audio_<item>_<stamp>_<random>.<ext>`, a name built here from the item's id, never the client's
 * path) and `GET`/`HEAD /exports/by_video/<id>.mp3`, the newest audio of an item.
 */
public final class AudioUploadRoutes {
    /** What the worker sends as the file name: `audio_<video_id>_<stamp>.<ext>`; only the id is read from it. */
    private static final Pattern CLIENT_NAME = Pattern.compile("audio_(.+?)_[0-9][0-9_T-]*\\.[A-Za-z0-9]{2,4}");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final FileStore files;
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final SecureRandom random = new SecureRandom();

    public AudioUploadRoutes(FileStore files, Jdbi jdbi, ObjectMapper mapper, long maxBytes) {
        this.files = files;
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    public void upload(Context ctx) throws IOException {
        if (ctx.contentType() == null || !ctx.contentType().toLowerCase().startsWith("multipart/form-data")) {
            throw ApiError.badRequest("invalid_upload", "Send multipart/form-data with the file in field 'audio'.");
        }
        UploadedFile upload = ctx.uploadedFile("audio");
        if (upload == null) throw ApiError.badRequest("missing_field", "Multipart field 'audio' is required.");
        Optional<String> videoId = videoIdOf(ctx.formParam("video_id"), upload.filename());
        byte[] bytes = IngestRoutes.readBounded(upload, maxBytes);
        MediaType type = MediaType.sniff(bytes).filter(t -> !t.isImage())
                .orElseThrow(() -> new ApiError(415, "invalid_audio", "The file is not WAV, MP3, OGG or M4A audio."));
        String name = "audio_" + videoId.map(AudioUploadRoutes::key).orElse("unassigned") + "_"
                + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "_" + randomHex() + "." + type.extension();
        String url = files.saveAudioNamed(name, bytes);
        ctx.json(mapper.createObjectNode().put("success", true).put("message", "Audio uploaded.")
                .put("filename", name).put("relative_path", url.substring(1)).put("public_url", url)
                .put("size", bytes.length).put("content_type", type.contentType()));
    }

    public void byVideo(Context ctx) throws IOException {
        String raw = ctx.pathParam("id");
        if (raw.toLowerCase().endsWith(".mp3")) raw = raw.substring(0, raw.length() - 4);
        String id = ReportIds.validate(raw);
        ExportRoutes.serveFile(ctx, files, newestAudio(id).orElseThrow(() -> ApiError.notFound("No audio for '" + id + "'.")));
    }

    /** The newest of the report's own audio and the files uploaded for it. */
    private Optional<StoredFile> newestAudio(String id) {
        List<StoredFile> found = new ArrayList<>();
        jdbi.withHandle(h -> ReportStore.resolve(h, id).flatMap(videoId -> h.createQuery(
                        "SELECT media ->> 'audio_url' FROM content WHERE video_id = :id").bind("id", videoId)
                .mapTo(String.class).findOne())).flatMap(files::resolve).ifPresent(found::add);
        Pattern uploaded = Pattern.compile("audio_" + Pattern.quote(key(id)) + "_[0-9]{14}_[0-9a-f]{8}\\.[a-z0-9]{3,4}");
        files.list(FileStore.AUDIO_URL + "audio_" + key(id) + "_").stream()
                .filter(f -> f.url().equals(FileStore.AUDIO_URL + f.name()) && uploaded.matcher(f.name()).matches())
                .forEach(found::add);
        // Newest first; between two of the same instant, the later name (its stamp and random part).
        return found.stream().max(java.util.Comparator.comparing(StoredFile::modified).thenComparing(StoredFile::url));
    }

    private static Optional<String> videoIdOf(String field, String clientName) {
        if (field != null && !field.isBlank()) return Optional.of(ReportIds.validate(field));
        if (clientName == null) return Optional.empty();
        String base = clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1);
        Matcher m = CLIENT_NAME.matcher(base);
        return m.matches() ? Optional.of(ReportIds.validate(m.group(1))) : Optional.empty();
    }

    /** The item's part of a stored name: its bare id when that is a plain one, else a digest of it. */
    static String key(String videoId) {
        String bare = ReportIds.bare(videoId);
        if (PLAIN_KEY.matcher(bare).matches()) return bare;
        try {
            return "h" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bare.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomHex() {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
