package io.koubei.dashboard.signals;

import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.cocoon.CocoonDetector;
import io.koubei.analysis.signals.crosscheck.DivergenceDetector;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place the detectors are configured: thresholds and ours-vs-competitors as the settings left them, and the
 * week the data starts (baselines do not reach before it). The weekly scan, the pages, the API and the report take
 * their configuration and detectors from here, so a page never judges with other thresholds than the alerts do.
 */
public final class Detectors {
    private final Supplier<ScanConfig> settings;
    private final FeedbackStore store;

    /** @param settings the settings' configuration ({@code SettingsService.scanConfig}), read at every call */
    public Detectors(Supplier<ScanConfig> settings, FeedbackStore store) {
        this.settings = settings;
        this.store = store;
    }

    /** The detectors' configuration now: the settings', with the data's first week. */
    public ScanConfig config() {
        ScanConfig c = settings.get();
        String start = dataStart();
        return start == null ? c : c.withDataStart(start);
    }

    public DivergenceDetector divergence() {
        ScanConfig c = config();
        return new DivergenceDetector(c.divergence(), c.dataStart());
    }

    public CocoonDetector cocoon() {
        return new CocoonDetector(settings.get().cocoon());
    }

    /** The first week with data, or null for an empty store. */
    public String dataStart() {
        String first = null;
        for (Bucket b : store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK)))) {
            String week = b.key().get(0);
            if (!Dimension.NONE.equals(week) && b.stats().count() > 0 && (first == null || week.compareTo(first) < 0)) {
                first = week;
            }
        }
        return first;
    }
}
