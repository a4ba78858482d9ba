package io.koubei.analysis.signals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a signal rests on, so a reader can check the machine and drill down.
 *
 * @param figures   named numbers in insertion order: counts, baselines, thresholds, intervals (finite only)
 * @param facts     named text facts in insertion order (e.g. "burstWindow" → "PT2H")
 * @param drillDown store filter values (dimension wire name → value, e.g. {@code channel → ticket},
 *                  {@code aspect_polarity → battery:negative}) that select the items behind the signal
 * @param itemIds   ids of the items behind it (all of them for item-based detectors, capped by the
 *                  detector; empty for bucket-based ones, which rely on {@code drillDown})
 */
public record Evidence(Map<String, Double> figures, Map<String, String> facts, Map<String, String> drillDown,
        List<String> itemIds) {

    public Evidence {
        figures = ordered(figures);
        facts = ordered(facts);
        drillDown = ordered(drillDown);
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Accumulates evidence in the order a reader should see it. */
    public static final class Builder {
        private final Map<String, Double> figures = new LinkedHashMap<>();
        private final Map<String, String> facts = new LinkedHashMap<>();
        private final Map<String, String> drillDown = new LinkedHashMap<>();
        private List<String> itemIds = List.of();

        /** NaN or infinite values are left out: absent means unknown, and JSON has no NaN. */
        public Builder figure(String name, double value) {
            if (Double.isFinite(value)) {
                figures.put(name, value);
            }
            return this;
        }

        public Builder fact(String name, Object value) {
            if (value != null) {
                facts.put(name, String.valueOf(value));
            }
            return this;
        }

        public Builder drillDown(String dimension, String value) {
            if (value != null) {
                drillDown.put(dimension, value);
            }
            return this;
        }

        public Builder itemIds(List<String> ids) {
            itemIds = ids == null ? List.of() : ids;
            return this;
        }

        public Evidence build() {
            return new Evidence(figures, facts, drillDown, itemIds);
        }
    }
}
