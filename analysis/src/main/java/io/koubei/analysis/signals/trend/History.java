package io.koubei.analysis.signals.trend;

import java.util.ArrayList;
import java.util.List;

/** Extracts the history window of a series, skipping periods before data coverage started. */
final class History {
    private History() {
    }

    /** Counts of the {@code window} periods before {@code period}, oldest first, without those before dataStart. */
    static double[] before(CountSeries s, String period, int window, String dataStart) {
        List<Double> h = new ArrayList<>();
        for (int i = window; i >= 1; i--) {
            String p = s.unit().shift(period, -i);
            if (dataStart != null && p.compareTo(dataStart) < 0) {
                continue;
            }
            h.add((double) s.count(p));
        }
        return h.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
