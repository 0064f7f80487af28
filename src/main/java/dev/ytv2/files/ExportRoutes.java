package dev.ytv2.files;

import dev.ytv2.http.ApiError;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * `GET` and `HEAD /exports/...`: stored images and audio with their type, validators, caching and
 * byte ranges, the same from every store: only the asked-for bytes are read, streamed as the
 * client takes them. A store with a public address (YTV2_S3_PUBLIC_URL) gets a redirect there instead.
 */
public final class ExportRoutes {
    private final FileStore files;

    public ExportRoutes(FileStore files) {
        this.files = files;
    }

    public void serve(Context ctx) throws IOException {
        String url = ctx.path();
        MediaType.ofFileName(url.substring(url.lastIndexOf('/') + 1)).orElseThrow(() -> ApiError.notFound("No such file."));
        Optional<String> direct = files.publicUrl(url);
        if (direct.isPresent()) {
            redirect(ctx, direct.get());
            return;
        }
        serveFile(ctx, files, found(files, url));
    }

    /** The stored file behind a URL, or a 404; a store that cannot be reached is a 503. */
    public static StoredFile found(FileStore files, String url) {
        try {
            return files.resolve(url).orElseThrow(() -> ApiError.notFound("No such file."));
        } catch (UncheckedIOException e) {
            throw unavailable();
        }
    }

    /** Answers with one stored file (or a redirect to its public address); a HEAD request gets the same headers and no body. */
    public static void serveFile(Context ctx, FileStore files, StoredFile file) throws IOException {
        Optional<String> direct = files.publicUrl(file.url());
        if (direct.isPresent()) {
            redirect(ctx, direct.get());
            return;
        }
        boolean head = ctx.method() == io.javalin.http.HandlerType.HEAD;
        MediaType type = MediaType.ofFileName(file.name()).orElseThrow(() -> ApiError.notFound("No such file."));
        boolean notModified = file.etag().equals(ctx.header("If-None-Match"));
        long size = file.size();
        Optional<ByteRange> range;
        try {
            range = notModified ? Optional.empty() : ByteRange.parse(ctx.header("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            ctx.header("Content-Range", "bytes */" + size);
            throw new ApiError(416, "range_not_satisfiable", "The requested byte range is outside the file.");
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        // Opened before any header is set: a file gone since it was looked up is a plain 404.
        InputStream body = head || notModified ? null : open(files, file, start, length);
        ctx.header("ETag", file.etag());
        ctx.header("X-Content-Type-Options", "nosniff");
        // Stored names are random and never reused, so a file under a URL never changes.
        ctx.header("Cache-Control", FileStore.CACHE_FOREVER);
        ctx.header("Accept-Ranges", "bytes");
        if (notModified) {
            ctx.status(304);
            return;
        }
        ctx.contentType(type.contentType());
        if (range.isPresent()) {
            ByteRange r = range.get();
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size);
        }
        ctx.header("Content-Length", Long.toString(length));
        // Streamed as the client reads; Javalin closes the stream when done.
        if (body != null) ctx.result(body);
    }

    private static InputStream open(FileStore files, StoredFile file, long start, long length) throws IOException {
        try {
            return files.open(file, start, length);
        } catch (NoSuchFileException e) {
            throw ApiError.notFound("No such file.");
        } catch (IOException | UncheckedIOException e) {
            throw unavailable();
        }
    }

    private static void redirect(Context ctx, String location) {
        // The address of a stored file never changes, but where the bucket is served from might.
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.redirect(location, io.javalin.http.HttpStatus.FOUND);
    }

    private static ApiError unavailable() {
        return new ApiError(503, "storage_unavailable", "The file store does not answer; try again shortly.");
    }
}
