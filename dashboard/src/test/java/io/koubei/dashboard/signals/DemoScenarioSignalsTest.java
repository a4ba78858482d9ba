package io.koubei.dashboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.competitor.ProductRoster;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.alerting.AlertRepository;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.web.DemoLoader;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.ingest.demo.DemoScenario;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detectors on the demo data, end to end: the real analyzer reads the texts, the embedded store keeps them,
 * and the weekly scans must raise each documented scenario's alert (type, channel, aspect, week) with evidence —
 * while the calm control dataset, same structure without scenarios, raises none of them.
 */
class DemoScenarioSignalsTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();

    record Run(List<Alert> alerts, List<io.koubei.dashboard.alerting.Incident> incidents, LuceneFeedbackStore store) {
    }

    private Run run(Path dir, boolean calm) {
        DemoOptions options = DemoOptions.defaults().withCalm(calm);
        DemoDataGenerator generator = new DemoDataGenerator(options);
        AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
        LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"));
        List<AnalyzedFeedback> batch = new ArrayList<>();
        generator.generate(item -> {
            batch.add(pipeline.process(item));
            if (batch.size() == 5000) {
                store.upsert(batch);
                batch.clear();
            }
        });
        store.upsert(batch);
        EventRegistry events = new EventRegistry(dir);
        events.record(generator.events().stream().map(DemoLoader::event).toList());
        AlertService alerts = new AlertService(new AlertRepository(dir), new AlertProperties(), List.of(),
                Clock.systemUTC(), CAL.zone());
        ScanConfig config = ScanConfig.defaults().withRoster(new ProductRoster(Set.of("nova-x1"), Set.of("rival-r9")));
        new SignalsService(store, CAL, config, events, alerts).scanAllWeeks();
        return new Run(alerts.list(null), alerts.incidents(null), store);
    }

    private static String describe(List<Alert> alerts) {
        return alerts.stream().map(a -> a.type() + " " + a.week() + " " + a.channels() + " " + a.aspect() + " " + a.title())
                .collect(Collectors.joining("\n"));
    }

    /** The alert a scenario must raise, within its documented weeks (plus one week of detection delay). */
    private static void assertRaised(List<Alert> alerts, DemoScenario sc, SignalType type, Channel channel, String aspect) {
        String lastWeek = CalendarKeys.shiftWeek(sc.toWeekKey(), 1);
        assertThat(alerts).as("%s → %s on %s/%s in %s..%s\n%s", sc.type(), type, channel, aspect, sc.weekKey(),
                lastWeek, describe(alerts)).anySatisfy(a -> {
                    assertThat(a.type()).isEqualTo(type);
                    assertThat(a.week()).isBetween(sc.weekKey(), lastWeek);
                    assertThat(a.channels()).contains(channel.wireName());
                    if (aspect != null) {
                        assertThat(a.aspect()).isEqualTo(aspect);
                    }
                    assertThat(a.evidence().figures()).isNotEmpty();
                    assertThat(a.link()).startsWith("/search?");
                });
    }

    @Test
    void everyScenarioRaisesItsAlertAndTheCalmControlRaisesNone(@TempDir Path scenarioDir, @TempDir Path calmDir) {
        Run run = run(scenarioDir, false);
        List<Alert> alerts = run.alerts();
        List<DemoScenario> scenarios = DemoDataGenerator.defaults().scenarios();
        assertThat(scenarios).hasSize(5);
        for (DemoScenario sc : scenarios) {
            switch (sc.type()) {
                case LAUNCH_DIVERGENCE -> {
                    assertRaised(alerts, sc, SignalType.DIVERGENCE, Channel.SOCIAL, sc.aspect());
                    assertRaised(alerts, sc, SignalType.DIVERGENCE, sc.channel(), sc.aspect());
                }
                case ASTROTURF_BURST -> assertRaised(alerts, sc, SignalType.ASTROTURF, sc.channel(), null);
                case CORE_COMPLAINT_AFTER_UPDATE -> assertRaised(alerts, sc, SignalType.CORE_COMPLAINT, sc.channel(), sc.aspect());
                case CHANNEL_QUIET -> assertRaised(alerts, sc, SignalType.SILENCE, sc.channel(), null);
                case INFORMATION_COCOON -> assertRaised(alerts, sc, SignalType.COCOON, sc.channel(), null);
            }
        }
        // Issue 18: the same subject week after week is one incident, so the list is readable (tens, not 70)
        System.out.printf("demo: %d weekly alerts -> %d incidents%n", alerts.size(), run.incidents().size());
        assertThat(run.incidents().size()).as("incidents").isLessThan(alerts.size()).isBetween(5, 40);
        assertThat(run.incidents()).filteredOn(i -> i.type() == SignalType.COCOON)
                .as("the cocoon on the official account is one incident over its weeks")
                .anySatisfy(i -> assertThat(i.weeksActive()).isGreaterThan(3));
        // The astroturf posts are flagged in the store (discounted, not deleted) and weighted views can drop them.
        long flagged = run.store().count(FeedbackFilter.builder().flags(Set.of("astroturf")).build());
        assertThat(flagged).isGreaterThanOrEqualTo(150);
        long all = run.store().count(FeedbackFilter.ALL);
        assertThat(run.store().count(FeedbackFilter.builder().excludeFlags(Set.of("astroturf")).build())).isEqualTo(all - flagged);
        // Core and mass users are told apart.
        assertThat(run.store().count(FeedbackFilter.builder().segments(Set.of(io.koubei.core.feedback.Segment.CORE)).build()))
                .isPositive();
        run.store().close();

        Run calm = run(calmDir, true);
        // Nothing at all: a competitor that is simply rated better is a standing comparison, not an alert.
        assertThat(calm.alerts()).as(describe(calm.alerts())).isEmpty();
        calm.store().close();
    }
}
