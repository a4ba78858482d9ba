package io.koubei.dashboard.signals;

import io.koubei.core.time.CalendarKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-runs the signal scans after new feedback lands, so an imported file raises its alerts without waiting for the
 * hourly scan (which only looks at the current and the last week: a file of history would never be judged).
 *
 * <p>A week's scan reads the {@code historyWeeks} weeks before it, so new items in week w change the verdicts of w
 * and of the weeks up to {@code historyWeeks} after it; only weeks with data are scanned. Small API batches arrive
 * continuously: {@link #rescanLater} collects their weeks and scans once the stream has been quiet for a while.
 */
public class SignalsRescan implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalsRescan.class);

    private final SignalsService signals;
    private final Duration quiet;
    private final ScheduledExecutorService executor;
    private final TreeSet<String> pending = new TreeSet<>();
    private ScheduledFuture<?> due;
    private boolean scanning;

    public SignalsRescan(SignalsService signals, Duration quiet) {
        this.signals = signals;
        this.quiet = quiet;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "signals-rescan");
            t.setDaemon(true);
            return t;
        });
    }

    /** Items per week now; compare with {@link #changedSince} after an import. */
    public Map<String, Long> weekCounts() {
        return signals.weekCounts();
    }

    /** Weeks whose item count differs from {@code before} (new items; a re-sent item changes nothing). */
    public List<String> changedSince(Map<String, Long> before) {
        List<String> changed = new ArrayList<>();
        signals.weekCounts().forEach((week, n) -> {
            if (!Objects.equals(before.get(week), n)) {
                changed.add(week);
            }
        });
        return changed;
    }

    /** Scans, now and on this thread, every week with data whose verdict {@code touched} weeks may change. */
    public List<SignalsService.ScanSummary> rescanNow(Collection<String> touched) {
        List<String> weeks = affectedWeeks(touched, signals.weeksWithData(), signals.historyWeeks());
        List<SignalsService.ScanSummary> out = new ArrayList<>();
        for (String week : weeks) {
            out.add(signals.scan(week));
        }
        return out;
    }

    /** Notes weeks that received items and scans them once no further items came for the quiet period. */
    public synchronized void rescanLater(Collection<String> touched) {
        if (touched.isEmpty()) {
            return;
        }
        pending.addAll(touched);
        if (due != null) {
            due.cancel(false);
        }
        due = executor.schedule(this::runPending, quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True while weeks wait for their scan (for status pages and tests). */
    public synchronized boolean busy() {
        return !pending.isEmpty() || scanning;
    }

    private void runPending() {
        List<String> weeks;
        synchronized (this) {
            // taken out before the scan: a week that receives items while it is being scanned is pending again
            weeks = List.copyOf(pending);
            pending.clear();
            scanning = true;
        }
        try {
            List<SignalsService.ScanSummary> done = rescanNow(weeks);
            log.info("Signals re-scanned after new feedback: {} weeks", done.size());
        } catch (RuntimeException e) {
            log.error("Signals re-scan after new feedback failed", e);
        } finally {
            synchronized (this) {
                scanning = false;
            }
        }
    }

    /**
     * The weeks with data from the earliest touched week through {@code historyWeeks} after the latest one. Weeks
     * are ISO week keys, which sort chronologically as text.
     */
    static List<String> affectedWeeks(Collection<String> touched, List<String> withData, int historyWeeks) {
        if (touched.isEmpty()) {
            return List.of();
        }
        TreeSet<String> sorted = new TreeSet<>(touched);
        String first = sorted.first();
        String last = CalendarKeys.shiftWeek(sorted.last(), historyWeeks);
        return withData.stream().filter(w -> w.compareTo(first) >= 0 && w.compareTo(last) <= 0).sorted().toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
