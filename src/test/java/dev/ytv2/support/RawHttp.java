package dev.ytv2.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * HTTP/1.1 over a bare socket, for request targets no URI class accepts (invalid escapes,
 * backslashes, raw `..`): the bytes go out exactly as written. Answers an {@link HttpResponse}.
 */
public final class RawHttp {
    private RawHttp() {
    }

    public static HttpResponse<String> get(String base, String target, String... headers) {
        return send(base, "GET", target, new byte[0], headers);
    }

    /** One request on its own connection (Connection: close unless `headers` name a Connection of their own). */
    public static HttpResponse<String> send(String base, String method, String target, byte[] body, String... headers) {
        URI uri = URI.create(base);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            s.setSoTimeout(15_000);
            StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
            if (!List.of(headers).contains("Connection")) req.append("Connection: close\r\n");
            if (body.length > 0) req.append("Content-Length: ").append(body.length).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            s.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(body);
            return parse(s.getInputStream(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> parse(InputStream in, String target) throws IOException {
        String status = SseTestClient.line(in);
        if (status == null) throw new IOException("no answer to " + target);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h = SseTestClient.line(in); h != null && !h.isEmpty(); h = SseTestClient.line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim(), List.of(h.substring(colon + 1).trim()));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.getOrDefault("Transfer-Encoding", List.of("")).get(0).contains("chunked")) {
            for (String size = SseTestClient.line(in); size != null && !size.isBlank(); size = SseTestClient.line(in)) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) break;
                body.write(in.readNBytes(n));
                SseTestClient.line(in);
            }
        } else if (headers.containsKey("Content-Length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("Content-Length").get(0))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), HttpHeaders.of(headers, (a, b) -> true),
                body.toString(StandardCharsets.UTF_8), target);
    }

    private record Answer(int statusCode, HttpHeaders headers, String body, String target) implements HttpResponse<String> {
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
        }

        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        public URI uri() {
            return URI.create("http://localhost/");
        }

        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
