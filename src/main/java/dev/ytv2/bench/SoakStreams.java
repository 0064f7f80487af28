package dev.ytv2.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** N event streams over loopback, each remembering the id of every event it was sent, in order. */
final class SoakStreams implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();
    private final List<List<Long>> received = new ArrayList<>();

    SoakStreams(int port, int count) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.getOutputStream().write("GET /api/report-events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            List<Long> ids = new ArrayList<>();
            sockets.add(s);
            received.add(ids);
            Thread t = new Thread(null, () -> read(s, ids, connected), "soak-stream-" + i, 128 * 1024);
            t.setDaemon(true);
            t.start();
        }
        if (!connected.await(60, TimeUnit.SECONDS)) throw new IOException("only " + (count - connected.getCount()) + " streams connected");
    }

    private static void read(Socket s, List<Long> ids, CountDownLatch connected) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(": connected")) connected.countDown();
                else if (line.startsWith("id:")) {
                    synchronized (ids) {
                        ids.add(Long.parseLong(line.substring(3).trim()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // closed by close() at the end of the soak
        }
    }

    /** Streams whose ids are exactly `expected` (every event, once, in order) so far. */
    int complete(List<Long> expected) {
        int n = 0;
        for (List<Long> ids : received) {
            synchronized (ids) {
                if (ids.equals(expected)) n++;
            }
        }
        return n;
    }

    /** Deliveries missing from (or surplus to) `expected`, summed over all streams. */
    long discrepancies(List<Long> expected) {
        long off = 0;
        for (List<Long> ids : received) {
            synchronized (ids) {
                off += Math.abs(expected.size() - ids.size()) + (ids.equals(expected) || ids.size() != expected.size() ? 0 : 1);
            }
        }
        return off;
    }

    int size() {
        return received.size();
    }

    @Override
    public void close() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // ending anyway
            }
        }
    }
}
