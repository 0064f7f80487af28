package dev.ytv2.bench;

import dev.ytv2.app.Wiring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by the server apart from the benchmark's own clients, which share its JVM: the whole
 * process's CPU time (threads that ended meanwhile included, such as a finished build pool's) minus
 * the clients' (the driver's loops, which time themselves, and the JDK HTTP client's threads), plus
 * the database's processes when they run on this machine (Linux /proc, in ticks of 1/100 s).
 */
final class CpuMeter {
    /** CPU seconds: this process, the JDK HTTP client's threads, the database's processes (NaN when unknown). */
    record Sample(double process, double httpClients, double database) {
        Sample minus(Sample earlier) {
            return new Sample(process - earlier.process, httpClients - earlier.httpClients, database - earlier.database);
        }

        /** Of a difference of samples around `run`: what the server used. */
        double server(LoadDriver.Stats run) {
            return process - clients(run);
        }

        /** Of a difference of samples around `run`: what its clients used. */
        double clients(LoadDriver.Stats run) {
            return httpClients + run.clientCpuSeconds();
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long postmaster;

    /** `postmaster`: the database's main process id, or -1 when it is not a local process. */
    CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    /** A meter of `server`, with its database's processes when the database runs on this machine. */
    static CpuMeter of(Wiring.Running server) {
        long postmaster;
        try {
            long backend = server.database().jdbi().withHandle(h -> h.createQuery("SELECT pg_backend_pid()").mapTo(Long.class).one());
            postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        } catch (RuntimeException e) {
            postmaster = -1;
        }
        return new CpuMeter(postmaster);
    }

    Sample sample() {
        double httpClients = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !info.getThreadName().startsWith("HttpClient")) continue;
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) httpClients += nanos / 1e9;
        }
        double process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        return new Sample(process, httpClients, postmaster < 0 ? Double.NaN : databaseSeconds());
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
