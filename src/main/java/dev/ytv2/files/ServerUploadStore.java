package dev.ytv2.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker's store when it reaches neither the server's disk nor its bucket (YTV2_STORAGE=server):
 * renders are delivered through the server's own `POST /api/upload-image` with the ingest token,
 * as YTV2's NAS worker does, and read back through `/exports/`. The server names the file (an
 * upload); nothing can be removed from here, so a render whose commit fails stays an upload no
 * report refers to, invisible, and the server's upload sweep removes it after YTV2_UPLOAD_GRACE_HOURS.
 */
public final class ServerUploadStore implements FileStore {
    private static final Pattern PUBLIC_URL = Pattern.compile("\"public_url\"\\s*:\\s*\"(/exports/[^\"]+)\"");

    private final URI server;
    private final String ingestToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ServerUploadStore(URI server, String ingestToken) {
        String s = server.toString();
        this.server = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.ingestToken = ingestToken;
    }

    @Override
    public String describe() {
        return "the upload API of " + server;
    }

    /** The server chooses the name: the folder asked for is not kept, the image becomes an upload. */
    @Override
    public String save(MediaType type, String folder, byte[] bytes) {
        if (!type.isImage()) throw new IllegalArgumentException("only images can be delivered to " + server);
        String boundary = "ytv2-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 300);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"render." + type.extension()
                + "\"\r\nContent-Type: " + type.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/upload-image")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-INGEST-TOKEN", ingestToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> answer = send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = PUBLIC_URL.matcher(answer.body());
        if (answer.statusCode() != 201 || !m.find()) {
            throw new UncheckedIOException(new IOException(server + " refused the upload: " + answer.statusCode() + " " + answer.body()));
        }
        return m.group(1);
    }

    @Override
    public void write(String url, InputStream body, long size) throws IOException {
        throw new IOException(describe() + " names files itself; it cannot store one at " + url);
    }

    @Override
    public Optional<StoredFile> resolve(String url) {
        if (FileStore.relativePath(url).isEmpty()) return Optional.empty();
        HttpResponse<Void> r = send(HttpRequest.newBuilder(server.resolve(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) return Optional.empty();
        long size = r.headers().firstValueAsLong("Content-Length").orElse(0);
        return Optional.of(new StoredFile(url, size, Instant.now(), r.headers().firstValue("ETag").orElse("\"\"")));
    }

    @Override
    public InputStream open(StoredFile file, long start, long length) throws IOException {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(server.resolve(file.url())).timeout(Duration.ofSeconds(60))
                .header("Range", "bytes=" + start + "-" + (start + length - 1)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() / 100 != 2) {
            r.body().close();
            throw new java.nio.file.NoSuchFileException(file.url());
        }
        return r.body();
    }

    @Override
    public boolean delete(String url) {
        return false;
    }

    @Override
    public List<StoredFile> list(String urlPrefix) {
        return List.of();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("could not reach " + server + ": " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while talking to " + server, e));
        }
    }
}
