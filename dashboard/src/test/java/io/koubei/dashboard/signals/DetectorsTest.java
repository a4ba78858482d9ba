package io.koubei.dashboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.cocoon.CocoonParams;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one configuration every detector user takes: the settings' thresholds at the time asked, and the data's start. */
class DetectorsTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();

    @TempDir
    Path dir;

    @Test
    void detectorsFollowTheSettingsAsTheyChangeAndKnowWhereTheDataStarts() {
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"))) {
            ScanConfig base = ScanConfig.defaults();
            AtomicReference<ScanConfig> settings = new AtomicReference<>(base);
            Detectors detectors = new Detectors(settings::get, store);
            assertThat(detectors.config().dataStart()).as("empty store").isNull();

            AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
            List<AnalyzedFeedback> batch = new ArrayList<>();
            for (String week : List.of("2026-W45", "2026-W43", "2026-W47")) {
                batch.add(pipeline.process(FeedbackItem.builder().source("forum").channel(Channel.COMMUNITY)
                        .externalId("i-" + week).createdAt(CAL.weekStart(week).plus(Duration.ofHours(10))).text("续航不错").build()));
            }
            store.upsert(batch);
            assertThat(detectors.config().dataStart()).isEqualTo("2026-W43");
            assertThat(detectors.divergence().params()).isEqualTo(base.divergence());

            CocoonParams stricter = new CocoonParams(5, 3, 0.9, 2, 0.5, CocoonParams.Weighting.ENGAGEMENT);
            settings.set(new ScanConfig(base.astroturf(), base.coreUsers(), base.coreComplaint(), base.baseline(),
                    base.divergence(), stricter, base.survey(), base.events(), base.roster(), null));
            assertThat(detectors.cocoon().params()).as("a page asking now judges with the saved thresholds").isEqualTo(stricter);
            assertThat(detectors.config().cocoon()).isEqualTo(stricter);
            assertThat(detectors.config().dataStart()).isEqualTo("2026-W43");
        }
    }
}
