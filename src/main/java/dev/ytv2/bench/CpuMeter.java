package dev.ytv2.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by the server apart from the benchmark's own clients, which share its JVM: this
 * JVM's threads minus the load clients' (the driver's loop threads and the JDK HTTP client's), plus
 * the database's processes when they run on this machine (Linux /proc, in ticks of 1/100 s).
 */
final class CpuMeter {
    /** CPU seconds: the server's JVM threads, the clients' threads, the database's processes (NaN when unknown). */
    record Sample(double server, double clients, double database) {
        Sample minus(Sample earlier) {
            return new Sample(server - earlier.server, clients - earlier.clients, database - earlier.database);
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long postmaster;

    /** `postmaster`: the database's main process id, or -1 when it is not a local process. */
    CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    Sample sample() {
        double server = 0;
        double clients = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos < 0) continue;
            String name = info.getThreadName();
            if (name.startsWith(LoadDriver.THREAD_PREFIX) || name.startsWith("HttpClient")) clients += nanos / 1e9;
            else server += nanos / 1e9;
        }
        return new Sample(server, clients, postmaster < 0 ? Double.NaN : databaseSeconds());
    }

    private double databaseSeconds() {
        double ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) procs::iterator) {
                if (!dir.getFileName().toString().matches("[0-9]+")) continue;
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(dir.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // a process that ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / 100.0;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
