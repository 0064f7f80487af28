package dev.ytv2.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.content.IngestRoutes;
import dev.ytv2.files.FileStore;
import dev.ytv2.files.ImageCheck;
import dev.ytv2.files.MediaType;
import dev.ytv2.http.ApiError;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.util.Set;

/**
 * `POST /api/upload-image` for external workers: the bytes decide the type (PNG, JPEG or WebP
 * only, read for real by {@link ImageCheck}) and the server chooses the name; the client's
 * filename is never used.
 */
public final class UploadRoutes {
    private static final Set<MediaType> ACCEPTED = Set.of(MediaType.PNG, MediaType.JPEG, MediaType.WEBP);

    private final FileStore files;
    private final ObjectMapper mapper;
    private final long maxBytes;

    public UploadRoutes(FileStore files, ObjectMapper mapper, long maxBytes) {
        this.files = files;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    public void upload(Context ctx) throws IOException {
        if (ctx.contentType() == null || !ctx.contentType().toLowerCase().startsWith("multipart/form-data")) {
            throw ApiError.badRequest("invalid_upload", "Send multipart/form-data with the file in field 'image'.");
        }
        UploadedFile upload = ctx.uploadedFile("image");
        if (upload == null) throw ApiError.badRequest("missing_field", "Multipart field 'image' is required.");
        byte[] bytes = IngestRoutes.readBounded(upload, maxBytes);
        MediaType type = MediaType.sniff(bytes).filter(ACCEPTED::contains)
                .orElseThrow(() -> new ApiError(415, "invalid_image", "The file is not a PNG, JPEG or WebP image."));
        try {
            ImageCheck.check(type, bytes);
        } catch (ImageCheck.Refused e) {
            if (e.tooLarge()) throw new ApiError(422, "image_too_large", "The image is too large: " + e.getMessage() + ".");
            throw new ApiError(415, "invalid_image", "The file is not a PNG, JPEG or WebP image that can be decoded.");
        }
        String url = files.save(type, "uploads", bytes);
        ctx.status(201).json(mapper.createObjectNode().put("public_url", url)
                .put("content_type", type.contentType()).put("bytes", bytes.length));
    }
}
