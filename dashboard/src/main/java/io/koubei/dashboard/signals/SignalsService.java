package io.koubei.dashboard.signals;

import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.alert.WeeklyScan;
import io.koubei.analysis.signals.scan.ScanSource;
import io.koubei.analysis.signals.segment.AuthorProfiles;
import io.koubei.analysis.signals.segment.Classification;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the word-of-mouth detectors over the store, week by week, and acts on what they find: astroturf-flagged
 * items get the {@code astroturf} flag and authors their core/mass segment (written back to the store as verdict
 * updates, {@link FeedbackStore#updateVerdicts}, so every view can show raw and weighted numbers and no re-import
 * erases them), and signals become alerts. Nothing is deleted.
 */
public class SignalsService {
    private static final Logger log = LoggerFactory.getLogger(SignalsService.class);
    private static final int WRITE_BATCH = 1000;

    private final FeedbackStore store;
    private final CalendarKeys calendar;
    private final Supplier<ScanConfig> config;
    private final EventRegistry events;
    private final AlertService alerts;
    private final Map<String, ScanSummary> lastScans = new LinkedHashMap<>();
    private volatile io.koubei.dashboard.themes.ThemeService themes;
    private volatile Function<FeedbackStore, AuthorProfiles> profiles = AuthorProfiles::ofStore;

    public SignalsService(FeedbackStore store, CalendarKeys calendar, ScanConfig config, EventRegistry events,
            AlertService alerts) {
        this(store, calendar, () -> config, events, alerts);
    }

    /** {@code config} is read at the start of every scan (settings may change between scans). */
    public SignalsService(FeedbackStore store, CalendarKeys calendar, Supplier<ScanConfig> config, EventRegistry events,
            AlertService alerts) {
        this.store = store;
        this.calendar = calendar;
        this.config = config;
        this.events = events;
        this.alerts = alerts;
    }

    /** Adds the emerging-theme detector to every scan (themes discovered from the scanned weeks' items). */
    public SignalsService withThemes(io.koubei.dashboard.themes.ThemeService service) {
        this.themes = service;
        return this;
    }

    /**
     * What a scan did: its signals, how many items it flagged and re-segmented, and how many items its window covers
     * (counted; only the judged week and the week before are read).
     */
    public record ScanSummary(String week, List<Signal> signals, int flagged, int segmented, int itemsScanned) {
    }

    /** Scans every week that has data, oldest first (after an import of history, e.g. the demo). */
    public List<ScanSummary> scanAllWeeks() {
        List<ScanSummary> out = new ArrayList<>();
        for (String week : weeksWithData()) {
            out.add(scan(week));
        }
        return out;
    }

    private ScanConfig withDataStartOf(ScanConfig config) {
        String start = dataStart();
        return start == null ? config : config.withDataStart(start);
    }

    /**
     * Where the scan gets authors' behaviour for the core/mass classification; by default the store's per-author
     * figures ({@link AuthorProfiles#ofStore}: no item is read while the indexed marks are the rules' marks).
     */
    public SignalsService withAuthorProfiles(Function<FeedbackStore, AuthorProfiles> profiles) {
        this.profiles = profiles;
        return this;
    }

    /**
     * Scans one week on the store's aggregations: items are read only for the judged week and the week before
     * (astroturf, cocoon) and once more, streamed, for the judged week's segment write-back.
     */
    public synchronized ScanSummary scan(String week) {
        long started = System.nanoTime();
        ScanConfig config = this.config.get();
        List<String> weeks = Weeks.endingAt(week, config.historyWeeks() + 1);
        // Detectors.config() carries the data's first week; a bare configuration (tests, tools) gets it here
        ScanConfig c = config.dataStart() != null ? config : withDataStartOf(config);
        String dataStart = c.dataStart();
        ScanSource source = ScanSource.ofStore(store);
        WeeklyScan.Result r = new WeeklyScan(c, calendar).run(source, week, events.list(), profiles.apply(store));
        int[] segmented = writeSegments(week, r.classes());
        List<Signal> signals = new ArrayList<>(r.signals());
        if (themes != null) {
            List<String> history = new ArrayList<>();
            for (String w : weeks) {
                if (!w.equals(week) && (dataStart == null || w.compareTo(dataStart) >= 0)) {
                    history.add(w);
                }
            }
            signals.addAll(themes.emerging(week, history));
        }
        alerts.receive(signals);
        int itemsRead = r.itemsRead() + segmented[1];
        long covered = store.count(FeedbackFilter.builder().weeks(new java.util.HashSet<>(weeks)).build());
        ScanSummary summary = new ScanSummary(week, signals, r.flagsWritten(), segmented[0], (int) covered);
        lastScans.put(week, summary);
        // Spring Boot's registry is in the global one (docs/operations.md); a no-op without it
        io.micrometer.core.instrument.Metrics.timer("koubei.signals.scan").record(System.nanoTime() - started,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        for (Signal s : signals) {
            io.micrometer.core.instrument.Metrics.counter("koubei.signals.found", "type", s.type().name()).increment();
        }
        log.info("Signals {}: {} signals, {} items flagged, {} segments set, {} items in the window, {} items read", week,
                signals.size(), r.flagsWritten(), segmented[0], covered, itemsRead);
        return summary;
    }

    public synchronized Optional<ScanSummary> lastScan(String week) {
        return Optional.ofNullable(lastScans.get(week));
    }

    public List<String> weeksWithData() {
        return List.copyOf(weekCounts().keySet());
    }

    /**
     * The first week with data, or null: detectors read no week before it as zero. Pages and the report that run a
     * detector themselves pass it too, so they say what the scan says.
     */
    public String dataStart() {
        Map<String, Long> counts = weekCounts();
        return counts.isEmpty() ? null : counts.keySet().iterator().next();
    }

    /** Items per week with data, oldest first. */
    public Map<String, Long> weekCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Bucket b : store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK)))) {
            if (!Dimension.NONE.equals(b.key().get(0))) {
                out.put(b.key().get(0), b.stats().count());
            }
        }
        return out;
    }

    public int historyWeeks() {
        return config.get().historyWeeks();
    }

    public String currentWeek() {
        return calendar.week(java.time.Instant.now());
    }

    /**
     * Sets the judged week's segments as verdict updates (the items' analyses are not rewritten; the astroturf flags
     * were written by the scan itself). The week is streamed: only the changed verdicts are kept. Returns
     * {segmented, items read}.
     */
    private int[] writeSegments(String week, Map<String, Classification> classes) {
        Map<String, Verdicts> changed = new LinkedHashMap<>();
        int[] read = {0};
        store.scan(FeedbackFilter.builder().week(week).build(), f -> {
            read[0]++;
            Verdicts before = f.analysis().verdicts();
            Segment s = segmentOf(f, classes);
            if (s != before.segment()) {
                changed.put(f.id(), before.withSegment(s));
            }
        });
        List<String> ids = new ArrayList<>(changed.keySet());
        for (int i = 0; i < ids.size(); i += WRITE_BATCH) {
            Map<String, Verdicts> batch = new LinkedHashMap<>();
            ids.subList(i, Math.min(ids.size(), i + WRITE_BATCH)).forEach(id -> batch.put(id, changed.get(id)));
            store.updateVerdicts(batch);
        }
        return new int[] {changed.size(), read[0]};
    }

    private static Segment segmentOf(AnalyzedFeedback f, Map<String, Classification> classes) {
        if (f.item().fromOfficialAccount()) {
            return null; // the company's own voice is neither core nor mass
        }
        Classification c = f.item().authorId() == null ? null : classes.get(f.item().authorId());
        return c == null ? Segment.MASS : c.segment();
    }
}
