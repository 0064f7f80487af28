package dev.ytv2.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.files.FileStore;
import dev.ytv2.files.MediaType;
import dev.ytv2.http.ApiError;
import dev.ytv2.http.Json;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;

/** `POST /ingest/report` and `POST /ingest/audio`, as existing YTV2 workers call them. */
public final class IngestRoutes {
    private final ReportWriter writer;
    private final FileStore files;
    private final ObjectMapper mapper;
    private final long maxAudioBytes;

    public IngestRoutes(ReportWriter writer, FileStore files, ObjectMapper mapper, long maxAudioBytes) {
        this.writer = writer;
        this.files = files;
        this.mapper = mapper;
        this.maxAudioBytes = maxAudioBytes;
    }

    public void report(Context ctx) {
        IngestPayload payload = IngestPayload.parse(Json.parseObject(mapper, ctx.bodyAsBytes()), mapper);
        ReportWriter.Result result = writer.upsert(payload, ReportWriter.Origin.CLIENT);
        ctx.status(result.created() ? 201 : 200).json(mapper.createObjectNode()
                .put("video_id", result.videoId())
                .put("created", result.created())
                .put("summary_revisions", result.newSummaryRevisions()));
    }

    public void audio(Context ctx) throws IOException {
        if (ctx.contentType() == null || !ctx.contentType().toLowerCase().startsWith("multipart/form-data")) {
            throw ApiError.badRequest("invalid_upload", "Send multipart/form-data with fields 'video_id' and 'audio'.");
        }
        String id = ReportIds.validate(ctx.formParam("video_id"));
        UploadedFile upload = ctx.uploadedFile("audio");
        if (upload == null) throw ApiError.badRequest("missing_field", "Multipart field 'audio' is required.");
        byte[] bytes = readBounded(upload, maxAudioBytes);
        MediaType type = MediaType.sniff(bytes).filter(t -> !t.isImage())
                .orElseThrow(() -> ApiError.badRequest("invalid_audio", "The file is not WAV, MP3, OGG or M4A audio."));
        String url = files.save(type, "reports", bytes);
        String videoId = writer.attachAudio(id, url, bytes.length).orElseGet(() -> {
            files.delete(url);
            throw ApiError.notFound("No report with id '" + id + "'.");
        });
        ctx.status(201).json(mapper.createObjectNode().put("video_id", videoId).put("audio_url", url));
    }

    public static byte[] readBounded(UploadedFile upload, long max) throws IOException {
        if (upload.size() > max) throw new ApiError(413, "too_large", "The file is larger than " + max + " bytes.");
        try (InputStream in = upload.content()) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) throw new ApiError(413, "too_large", "The file is larger than " + max + " bytes.");
            return bytes;
        }
    }
}
