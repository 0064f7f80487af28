package dev.ytv2.files;

import dev.ytv2.web.ApiError;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** `GET /exports/...`: stored images and audio with their type, validators, caching and byte ranges. */
public final class ExportRoutes {
    private final FileStore files;

    public ExportRoutes(FileStore files) {
        this.files = files;
    }

    public void serve(Context ctx) throws IOException {
        Path file = files.resolve(ctx.path()).orElseThrow(() -> ApiError.notFound("No such file."));
        MediaType type = MediaType.ofFileName(file.getFileName().toString())
                .orElseThrow(() -> ApiError.notFound("No such file."));
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        String etag = "\"" + Long.toHexString(attrs.size()) + "-" + Long.toHexString(attrs.lastModifiedTime().toMillis()) + "\"";
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        // Stored names are random and never reused, so a file under a URL never changes.
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("Accept-Ranges", "bytes");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.writeSeekableStream(Files.newInputStream(file), type.contentType(), attrs.size());
    }
}
