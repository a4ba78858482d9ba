package io.koubei.analysis.signals.alert;

import io.koubei.analysis.signals.Signal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the output of several detectors into the alert list: one signal per dedup key (the most severe;
 * on a tie, the later one — a re-run replaces its earlier finding), most urgent first, then newest week.
 */
public final class SignalDigest {
    private SignalDigest() {
    }

    public static List<Signal> merge(Collection<? extends Collection<Signal>> batches) {
        Map<String, Signal> byKey = new LinkedHashMap<>();
        for (Collection<Signal> batch : batches) {
            for (Signal s : batch) {
                byKey.merge(s.dedupKey(), s, (old, neu) -> neu.severity().compareTo(old.severity()) >= 0 ? neu : old);
            }
        }
        List<Signal> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparing(Signal::severity).reversed()
                .thenComparing((Signal s) -> s.week() == null ? "" : s.week(), Comparator.reverseOrder())
                .thenComparing(Signal::type)
                .thenComparing(Signal::dedupKey));
        return out;
    }
}
