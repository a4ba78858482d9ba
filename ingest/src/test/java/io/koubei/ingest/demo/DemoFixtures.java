package io.koubei.ingest.demo;

import io.koubei.core.time.CalendarKeys;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.lang.management.ThreadMXBean;
import java.util.List;

/** Full-size datasets generated once per test JVM and shared by the demo tests. */
final class DemoFixtures {
    static final CalendarKeys KEYS = CalendarKeys.defaultZone();
    static final Instant START = DemoOptions.defaults().firstMonday().atStartOfDay(KEYS.zone()).toInstant();
    private static List<DemoRecord> full;
    private static List<DemoRecord> calm;
    private static long fullCpuNanos;

    private DemoFixtures() {
    }

    static synchronized List<DemoRecord> full() {
        if (full == null) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu = mx.getCurrentThreadCpuTime();
            full = List.copyOf(DemoDataGenerator.defaults().generateRecords());
            fullCpuNanos = mx.getCurrentThreadCpuTime() - cpu;
        }
        return full;
    }

    /** CPU time the generating thread spent on the full dataset (robust against a busy machine, unlike wall time). */
    static synchronized long fullCpuNanos() {
        full();
        return fullCpuNanos;
    }

    static synchronized List<DemoRecord> calm() {
        if (calm == null) {
            calm = List.copyOf(new DemoDataGenerator(DemoOptions.defaults().withCalm(true)).generateRecords());
        }
        return calm;
    }

    /** 1-based week of an item in the default window (week 1 = 2026-W36). */
    static int week(DemoRecord r) {
        long seconds = r.item().createdAt().getEpochSecond() - START.getEpochSecond();
        if (seconds < 0) {
            throw new IllegalStateException("item before window: " + r.item().id());
        }
        return (int) (seconds / (7 * 86400L)) + 1;
    }
}
