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

/**
 * N event streams over loopback. Each keeps a running tally of the ids it was sent (count, sum,
 * whether they only ever increased) rather than the ids themselves: the soak runs in the server's
 * JVM, and a list of every id per stream would itself look like a growing heap.
 */
final class SoakStreams implements AutoCloseable {
    /** What one stream received, tallied. */
    private static final class Tally {
        private long count;
        private long sum;
        private long last;
        private boolean increasing = true;

        synchronized void add(long id) {
            if (id <= last) increasing = false;
            last = id;
            count++;
            sum += id;
        }

        synchronized boolean matches(long expectedCount, long expectedSum) {
            return increasing && count == expectedCount && sum == expectedSum;
        }

        synchronized long off(long expectedCount) {
            return Math.abs(expectedCount - count) + (increasing ? 0 : 1);
        }
    }

    private final List<Socket> sockets = new ArrayList<>();
    private final List<Tally> received = new ArrayList<>();

    SoakStreams(int port, int count) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.getOutputStream().write("GET /api/report-events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Tally ids = new Tally();
            sockets.add(s);
            received.add(ids);
            Thread t = new Thread(null, () -> read(s, ids, connected), "soak-stream-" + i, 128 * 1024);
            t.setDaemon(true);
            t.start();
        }
        if (!connected.await(60, TimeUnit.SECONDS)) throw new IOException("only " + (count - connected.getCount()) + " streams connected");
    }

    private static void read(Socket s, Tally ids, CountDownLatch connected) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(": connected")) connected.countDown();
                else if (line.startsWith("id:")) ids.add(Long.parseLong(line.substring(3).trim()));
            }
        } catch (IOException | RuntimeException e) {
            // closed by close() at the end of the soak
        }
    }

    /**
     * Streams that received exactly the events `expected` (the event log's ids since the soak began):
     * as many as there are, adding up to the same sum, each id larger than the one before.
     */
    int complete(List<Long> expected) {
        long sum = expected.stream().mapToLong(Long::longValue).sum();
        return (int) received.stream().filter(t -> t.matches(expected.size(), sum)).count();
    }

    /** Deliveries missing or surplus, plus one per stream that saw ids out of order, summed over all streams. */
    long discrepancies(List<Long> expected) {
        return received.stream().mapToLong(t -> t.off(expected.size())).sum();
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
