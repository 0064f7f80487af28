package dev.ytv2.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** An event-stream reader over a raw socket, as a browser's EventSource would read it. */
public final class SseTestClient implements AutoCloseable {
    public record Event(long id, String type, String data) {
    }

    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final List<String> comments = new CopyOnWriteArrayList<>();
    public volatile int status;
    public volatile boolean ended;
    private final Socket socket;
    private Body body; // set when the head was read before the reader thread started

    private SseTestClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects with Accept: text/event-stream plus `headers` (name, value, ...) and waits until the hub registered it. */
    public static SseTestClient open(String base, String path, String... headers) {
        SseTestClient c = connect(base, path, 0, headers);
        await().atMost(Duration.ofSeconds(10)).until(() -> c.comments.contains("connected") || c.ended);
        return c;
    }

    public static SseTestClient connect(String base, String path, int receiveBuffer, String... headers) {
        try {
            URI uri = URI.create(base);
            Socket s = new Socket();
            if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n");
            for (int i = 0; i < headers.length; i += 2) req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            s.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            SseTestClient c = new SseTestClient(s);
            if (receiveBuffer <= 0) c.startReading();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a stream, reads it up to the hub's `connected` comment and then stops reading, as a
     * browser tab that froze would: the server has registered it, and nothing more is taken.
     */
    public static SseTestClient openThenStopReading(String base, String path, int receiveBuffer) {
        SseTestClient c = connect(base, path, receiveBuffer);
        try {
            c.body = c.readHead(c.socket.getInputStream());
            for (String l = line(c.body); l != null; l = line(c.body)) {
                if (l.startsWith(":") && l.substring(1).trim().equals("connected")) {
                    c.comments.add("connected");
                    return c;
                }
            }
            throw new IllegalStateException("the stream ended before it was connected (status " + c.status + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts reading: a stream opened with a receive buffer is not read until then. */
    public void startReading() {
        Thread t = new Thread(this::read, "sse-test-reader");
        t.setDaemon(true);
        t.start();
    }

    public Event awaitEvent(Predicate<Event> match, Duration within) {
        await().atMost(within).until(() -> events.stream().anyMatch(match));
        return events.stream().filter(match).findFirst().orElseThrow();
    }

    public List<Event> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    private void read() {
        try (InputStream raw = new BufferedInputStream(socket.getInputStream())) {
            // The head was read unbuffered, so the buffered stream continues exactly where it stopped.
            InputStream in = body == null ? readHead(raw) : body.withSource(raw);
            long id = 0;
            String type = "message";
            List<String> data = new ArrayList<>();
            for (String l = line(in); l != null; l = line(in)) {
                if (l.isEmpty()) {
                    if (!data.isEmpty()) events.add(new Event(id, type, String.join("\n", data)));
                    type = "message";
                    data.clear();
                } else if (l.startsWith(":")) {
                    comments.add(l.substring(1).trim());
                } else if (l.startsWith("id:")) {
                    id = Long.parseLong(l.substring(3).trim());
                } else if (l.startsWith("event:")) {
                    type = l.substring(6).trim();
                } else if (l.startsWith("data:")) {
                    data.add(l.substring(5).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream ended or was closed
        } finally {
            ended = true;
        }
    }

    /** Reads the status line and headers; answers the body, de-chunked. */
    private Body readHead(InputStream raw) throws IOException {
        String statusLine = line(raw);
        status = Integer.parseInt(statusLine.split(" ")[1]);
        boolean chunked = false;
        for (String h = line(raw); h != null && !h.isEmpty(); h = line(raw)) {
            if (h.toLowerCase().startsWith("transfer-encoding:") && h.toLowerCase().contains("chunked")) chunked = true;
        }
        return new Body(raw, chunked);
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') return b.toString(StandardCharsets.UTF_8).replaceAll("\r$", "");
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** The body, de-chunked when it is chunked: just enough of HTTP/1.1 for a stream. */
    private static final class Body extends InputStream {
        private final InputStream in;
        private final boolean chunked;
        private long left;

        Body(InputStream in, boolean chunked) {
            this.in = in;
            this.chunked = chunked;
        }

        /** The same position in the body, read from `source` from now on. */
        Body withSource(InputStream source) {
            Body b = new Body(source, chunked);
            b.left = left;
            return b;
        }

        @Override
        public int read() throws IOException {
            if (!chunked) return in.read();
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) size = line(in);
                if (size == null) return -1;
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) return -1;
            }
            left--;
            return in.read();
        }
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
