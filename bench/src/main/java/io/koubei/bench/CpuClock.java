package io.koubei.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds consumed so far: this JVM (all threads), and other processes by pid from /proc (the broker). On a
 * shared 2-core machine the CPU a side costs is as telling as its wall time.
 */
final class CpuClock {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuClock() {
    }

    static double thisProcess() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** utime + stime of another process, NaN when unknown (no pid, or not Linux). */
    static double ofPid(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state=0 … utime=11, stime=12
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The 1-minute load average, NaN when unknown. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
