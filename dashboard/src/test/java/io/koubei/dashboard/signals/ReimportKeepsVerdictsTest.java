package io.koubei.dashboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.AnalyzeAndStoreHandler;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.alerting.AlertRepository;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.demo.DemoDataWriter;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's re-import bug, end to end on the embedded store: a scenario file is imported through the importer and
 * the in-process bus (analysis, then store), the detectors flag its astroturf posts and segment its authors; the very
 * same file imported again must leave every verdict in place, although no week's count changed and so nothing
 * re-scans (before verdicts were their own fact, the fresh analyses overwrote them: 0 flagged, 0 core).
 */
class ReimportKeepsVerdictsTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final FeedbackFilter ASTROTURF = FeedbackFilter.builder().flags(Set.of("astroturf")).build();
    private static final FeedbackFilter CORE = FeedbackFilter.builder().segments(Set.of(Segment.CORE)).build();
    private static final FeedbackFilter MASS = FeedbackFilter.builder().segments(Set.of(Segment.MASS)).build();

    @Test
    void importingTheSameFileAgainKeepsFlagsAndSegments(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scenario.jsonl");
        long rows = DemoDataWriter.writeJsonl(file, DemoOptions.defaults().withScale(0.2));
        AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"));
             InProcessBus bus = new InProcessBus(dir.resolve("dead-letters"))) {
            bus.start(new AnalyzeAndStoreHandler(pipeline, store));
            FeedbackImporter importer = new FeedbackImporter(bus);

            ImportSummary first = importer.importFile(file, ImportOptions.defaults());
            assertThat(first.accepted()).isEqualTo(rows);
            AlertService alerts = new AlertService(new AlertRepository(dir), new AlertProperties(), List.of(),
                    Clock.systemUTC(), CAL.zone());
            SignalsService signals = new SignalsService(store, CAL, ScanConfig.defaults(), new EventRegistry(dir), alerts);
            signals.scanAllWeeks();
            Set<String> flagged = ids(store, ASTROTURF);
            long core = store.count(CORE);
            long mass = store.count(MASS);
            assertThat(flagged).as("the scenario's astroturf burst is flagged").isNotEmpty();
            assertThat(core).as("core users are told apart").isPositive();

            ImportSummary second = importer.importFile(file, ImportOptions.defaults());
            assertThat(second.accepted()).isEqualTo(rows);
            assertThat(second.created()).isZero();

            // no re-scan ran (no week's count changed): the verdicts must simply still be there
            assertThat(ids(store, ASTROTURF)).isEqualTo(flagged);
            assertThat(store.count(CORE)).isEqualTo(core);
            assertThat(store.count(MASS)).isEqualTo(mass);
            assertThat(store.count(FeedbackFilter.builder().excludeFlags(Set.of("astroturf")).build()))
                    .isEqualTo(rows - flagged.size());
        }
    }

    private static Set<String> ids(LuceneFeedbackStore store, FeedbackFilter filter) {
        Set<String> out = new TreeSet<>();
        store.scan(filter, f -> out.add(f.id()));
        return out;
    }
}
