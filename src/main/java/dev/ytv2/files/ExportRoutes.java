package dev.ytv2.files;

import dev.ytv2.http.ApiError;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** `GET` and `HEAD /exports/...`: stored images and audio with their type, validators, caching and byte ranges. */
public final class ExportRoutes {
    private final FileStore files;

    public ExportRoutes(FileStore files) {
        this.files = files;
    }

    public void serve(Context ctx) throws IOException {
        serveFile(ctx, files.resolve(ctx.path()).orElseThrow(() -> ApiError.notFound("No such file.")));
    }

    /** Answers with one stored file; a HEAD request gets the same headers and no body. */
    public static void serveFile(Context ctx, Path file) throws IOException {
        boolean head = ctx.method() == io.javalin.http.HandlerType.HEAD;
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
        ctx.contentType(type.contentType());
        long size = attrs.size();
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(ctx.header("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            ctx.header("Content-Range", "bytes */" + size);
            throw new ApiError(416, "range_not_satisfiable", "The requested byte range is outside the file.");
        }
        if (range.isEmpty()) {
            ctx.header("Content-Length", Long.toString(size));
            if (!head) ctx.result(Files.newInputStream(file));
            return;
        }
        ByteRange r = range.get();
        ctx.status(206);
        ctx.header("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size);
        ctx.header("Content-Length", Long.toString(r.length()));
        if (head) return;
        SeekableByteChannel channel = Files.newByteChannel(file);
        channel.position(r.start());
        // Streamed from the file as the client reads; Javalin closes the stream when done.
        ctx.result(new BoundedInputStream(Channels.newInputStream(channel), r.length()));
    }

    /** Reads at most `remaining` bytes: the range, not the rest of the file. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(java.io.InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = super.read();
            if (b >= 0) remaining--;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = super.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) remaining -= n;
            return n;
        }
    }
}
