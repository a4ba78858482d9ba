package io.koubei.dashboard.signals;

import io.koubei.core.bus.StoredEvent;
import io.koubei.core.bus.StoredListener;
import io.koubei.core.time.CalendarKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-runs the signal scans after feedback is stored, so an imported file raises its alerts without waiting for the
 * hourly scan (which only looks at the current and the last week: a file of history would never be judged).
 *
 * <p>The one place that decides re-scans: it subscribes to the store path's "stored: these weeks changed" events
 * ({@link StoredListener}), which every bus emits after a durable batch, so items imported, sent to the API or
 * consumed from Kafka are judged alike; the importer and the API decide nothing. A week's scan reads the
 * {@code historyWeeks} weeks before it, so items stored in week w change the verdicts of w and of the weeks up to
 * {@code historyWeeks} after it; only weeks with data are scanned. Batches arrive continuously: their weeks are
 * collected and scanned once the stream has been quiet for a while (debounce), or at once by {@link #flush}.
 */
public class SignalsRescan implements StoredListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalsRescan.class);

    private final SignalsService signals;
    private final Duration quiet;
    private final ScheduledExecutorService executor;
    private final TreeSet<String> pending = new TreeSet<>();
    private ScheduledFuture<?> due;
    private int scanning;

    public SignalsRescan(SignalsService signals, Duration quiet) {
        this.signals = signals;
        this.quiet = quiet;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "signals-rescan");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A batch was stored: its weeks are re-scanned once the stream pauses. Re-sent and re-imported items count too:
     * their texts may have changed, and a scan keeps the verdicts it finds (verdicts survive the upsert itself).
     */
    @Override
    public void stored(StoredEvent event) {
        rescanLater(event.weeks());
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
        cancelDue();
        due = executor.schedule(this::runPending, quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True while weeks wait for their scan (for status pages and tests). */
    public synchronized boolean busy() {
        return !pending.isEmpty() || scanning > 0;
    }

    /**
     * Scans the pending weeks now, on this thread, without waiting for the stream to pause, and waits for a re-scan
     * already running in the background (e.g. {@code koubei import} before it exits); returns what this call scanned,
     * empty when nothing was pending.
     */
    public List<SignalsService.ScanSummary> flush() {
        List<String> weeks = takePending();
        try {
            return rescanNow(weeks);
        } finally {
            doneScanning();
            awaitIdle();
        }
    }

    private synchronized void awaitIdle() {
        while (scanning > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Forgets the pending weeks without scanning them. */
    public synchronized void discardPending() {
        cancelDue();
        pending.clear();
    }

    private void runPending() {
        List<String> weeks = takePending();
        try {
            List<SignalsService.ScanSummary> done = rescanNow(weeks);
            log.info("Signals re-scanned after new feedback: {} weeks", done.size());
        } catch (RuntimeException e) {
            log.error("Signals re-scan after new feedback failed", e);
        } finally {
            doneScanning();
        }
    }

    /** Taken out before the scan: a week that receives items while it is being scanned is pending again. */
    private synchronized List<String> takePending() {
        cancelDue();
        List<String> weeks = List.copyOf(pending);
        pending.clear();
        scanning++;
        return weeks;
    }

    private synchronized void doneScanning() {
        scanning--;
        notifyAll();
    }

    private void cancelDue() {
        if (due != null) {
            due.cancel(false);
            due = null;
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
