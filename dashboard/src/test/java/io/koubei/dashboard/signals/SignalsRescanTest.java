package io.koubei.dashboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.AnalyzeAndStoreHandler;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.core.bus.StoredEvent;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.WriteVisibility;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.alerting.AlertRepository;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which weeks are judged again after new feedback lands, on a real embedded store. */
class SignalsRescanTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private final AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
    @TempDir
    Path dir;
    private LuceneFeedbackStore store;
    private SignalsRescan rescan;

    private SignalsService service() {
        store = new LuceneFeedbackStore(dir.resolve("index"));
        AlertService alerts = new AlertService(new AlertRepository(dir), new AlertProperties(), List.of(),
                Clock.systemUTC(), CAL.zone());
        return new SignalsService(store, CAL, ScanConfig.defaults(), new EventRegistry(dir), alerts);
    }

    private void add(String week, int n, String prefix) {
        List<AnalyzedFeedback> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(pipeline.process(FeedbackItem.builder().source("forum").channel(Channel.COMMUNITY)
                    .externalId(prefix + week + "-" + i).createdAt(CAL.weekStart(week).plus(Duration.ofHours(10 + i)))
                    .text("第" + i + "条：电池续航不错").build()));
        }
        store.upsert(batch);
    }

    @AfterEach
    void close() {
        if (rescan != null) {
            rescan.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theChangedWeeksAndTheWeeksWhoseBaselinesIncludeThemAreScanned() {
        SignalsService signals = service();
        rescan = new SignalsRescan(signals, Duration.ofMillis(50));
        for (String w : List.of("2026-W30", "2026-W31", "2026-W32", "2026-W45")) {
            add(w, 3, "a");
        }
        add("2026-W31", 2, "b");

        List<SignalsService.ScanSummary> scans = rescan.rescanNow(List.of("2026-W31"));
        // W31 and the weeks with data up to 10 weeks later; not W30 before it, not W45 beyond the history window
        assertThat(scans).extracting(SignalsService.ScanSummary::week).containsExactly("2026-W31", "2026-W32");
        assertThat(signals.lastScan("2026-W31")).get().extracting(SignalsService.ScanSummary::itemsScanned)
                .isEqualTo(8);
        assertThat(signals.lastScan("2026-W30")).isEmpty();
    }

    @Test
    void apiBatchesAreScannedOnceTheStreamPauses() throws InterruptedException {
        SignalsService signals = service();
        rescan = new SignalsRescan(signals, Duration.ofSeconds(1));
        add("2026-W40", 3, "a");
        rescan.rescanLater(List.of("2026-W40"));
        assertThat(rescan.busy()).isTrue();
        assertThat(signals.lastScan("2026-W40")).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rescan.busy() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rescan.busy()).isFalse();
        assertThat(signals.lastScan("2026-W40")).isPresent();
    }

    /**
     * The store path announces every stored batch, whichever entry it came by: the re-scan collects the weeks and scans
     * them once the stream pauses. Re-sent items (same ids, no week count changes) are judged again too.
     */
    @Test
    void batchesStoredThroughTheBusAreScannedOnceTheStreamPauses() throws Exception {
        SignalsService signals = service();
        rescan = new SignalsRescan(signals, Duration.ofMillis(300));
        try (InProcessBus bus = new InProcessBus(dir.resolve("dead-letters"))) {
            bus.start(new AnalyzeAndStoreHandler(pipeline, store, WriteVisibility.IMMEDIATE, null, 1, rescan));
            bus.publish(items("2026-W40", 3, "a")).get();
            bus.publish(items("2026-W41", 2, "a")).get();
            awaitIdle();
            assertThat(signals.lastScan("2026-W40")).get().extracting(SignalsService.ScanSummary::itemsScanned)
                    .isEqualTo(3);
            assertThat(signals.lastScan("2026-W41")).get().extracting(SignalsService.ScanSummary::itemsScanned)
                    .isEqualTo(5);

            add("2026-W39", 4, "a"); // written around the bus: not announced, not scanned
            bus.publish(items("2026-W40", 3, "a")).get(); // re-sent: same ids, same counts
            awaitIdle();
            assertThat(signals.lastScan("2026-W39")).isEmpty();
            assertThat(signals.lastScan("2026-W40")).get().extracting(SignalsService.ScanSummary::itemsScanned)
                    .isEqualTo(7);
        }
    }

    @Test
    void flushScansThePendingWeeksAtOnce() {
        SignalsService signals = service();
        rescan = new SignalsRescan(signals, Duration.ofHours(1));
        add("2026-W40", 3, "a");
        add("2026-W45", 3, "a");
        rescan.stored(new StoredEvent(Set.of("2026-W40"), Set.of(), 3));
        assertThat(rescan.busy()).isTrue();
        assertThat(rescan.flush()).extracting(SignalsService.ScanSummary::week).containsExactly("2026-W40", "2026-W45");
        assertThat(rescan.busy()).isFalse();
        assertThat(rescan.flush()).isEmpty();
        rescan.stored(new StoredEvent(Set.of("2026-W45"), Set.of(), 3));
        rescan.discardPending();
        assertThat(rescan.busy()).isFalse();
    }

    private List<FeedbackItem> items(String week, int n, String prefix) {
        List<FeedbackItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FeedbackItem.builder().source("forum").channel(Channel.COMMUNITY).externalId(prefix + week + "-" + i)
                    .createdAt(CAL.weekStart(week).plus(Duration.ofHours(10 + i))).text("第" + i + "条：电池续航不错").build());
        }
        return out;
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rescan.busy() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rescan.busy()).isFalse();
    }

    @Test
    void affectedWeeksSpanYearEnds() {
        assertThat(SignalsRescan.affectedWeeks(List.of("2026-W52"), List.of("2026-W51", "2026-W52", "2027-W01", "2027-W20"), 10))
                .containsExactly("2026-W52", "2027-W01");
        assertThat(SignalsRescan.affectedWeeks(List.of(), List.of("2026-W51"), 10)).isEmpty();
    }
}
