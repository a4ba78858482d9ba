package io.koubei.bench;

import java.util.Locale;

/**
 * One measured side: how many items, wall seconds, and CPU seconds of this JVM, the Elasticsearch node and the
 * broker over the same interval (NaN where that process plays no part or is unknown).
 */
record Run(String label, long items, double wallSeconds, double benchCpu, double esCpu, double brokerCpu) {

    double itemsPerSecond() {
        return items / wallSeconds;
    }

    /** All CPU this side cost, in milliseconds per 1,000 items (the processes that are known). */
    double cpuMillisPerThousand() {
        double cpu = benchCpu + (Double.isNaN(esCpu) ? 0 : esCpu) + (Double.isNaN(brokerCpu) ? 0 : brokerCpu);
        return cpu * 1000 / (items / 1000.0);
    }

    String describe() {
        return String.format(Locale.ROOT, "%-44s %,9d items %7.1f s %,9.0f items/s | CPU s: bench %.1f, es %s, broker %s",
                label, items, wallSeconds, itemsPerSecond(), benchCpu, fmt(esCpu), fmt(brokerCpu));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The round with the median wall time (rounds alternate between the sides being compared). */
    static Run median(java.util.List<Run> rounds) {
        java.util.List<Run> sorted = rounds.stream().sorted(java.util.Comparator.comparingDouble(Run::wallSeconds)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Measures {@code body} with the CPU clocks of the given processes. */
    static Run measure(String label, long esPid, long brokerPid, Body body) throws Exception {
        double cpu0 = CpuClock.thisProcess();
        double es0 = CpuClock.ofPid(esPid);
        double broker0 = CpuClock.ofPid(brokerPid);
        long t0 = System.nanoTime();
        long items = body.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        Run r = new Run(label, items, wall, CpuClock.thisProcess() - cpu0, CpuClock.ofPid(esPid) - es0,
                CpuClock.ofPid(brokerPid) - broker0);
        System.out.println(r.describe());
        return r;
    }

    @FunctionalInterface
    interface Body {
        /** Does the work; returns the number of items it verifiably processed. */
        long run() throws Exception;
    }
}
