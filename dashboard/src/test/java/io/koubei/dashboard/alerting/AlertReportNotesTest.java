package io.koubei.dashboard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import io.koubei.dashboard.report.WeeklyReport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's follow-ups: alerts still unresolved at the report's week, whichever week raised them. */
class AlertReportNotesTest {
    @TempDir
    Path dir;

    private static Signal spike(String week, String aspect, Severity severity) {
        return Signal.builder(SignalType.SPIKE).severity(severity).week(week).channels(List.of(Channel.SOCIAL))
                .aspect(aspect).product("x1").title(aspect + " 负面突增")
                .evidence(Evidence.builder().figure("count", 40).build()).build();
    }

    @Test
    void theSubjectNamesTheSourceOrAccountWithoutQualifierOrPolarity() {
        Alert silence = alert("SILENCE|2026-W47|-|review|-|-|tmall/volume", SignalType.SILENCE, List.of("review"), null);
        assertThat(AlertReportNotes.subject(silence)).isEqualTo(new WeeklyReport.Subject("SILENCE", List.of("review"), null, null, "tmall"));
        Alert spike = alert("SPIKE|2026-W47|-|social|heat|nova-x1|negative", SignalType.SPIKE, List.of("social"), "heat");
        assertThat(AlertReportNotes.subject(spike).about()).isNull();
    }

    @Test
    void aSurgeCarriesItsEvidenceAsOnePlainSentenceInBothLanguages() {
        AlertService alerts = new AlertService(new AlertRepository(dir), new AlertProperties(), List.of(),
                new MutableClock(Instant.parse("2026-11-24T03:00:00Z")), ZoneId.of("Asia/Shanghai"));
        alerts.receive(List.of(Signal.builder(SignalType.SPIKE).severity(Severity.CRITICAL).week("2026-W47")
                .channels(List.of(Channel.SOCIAL)).aspect("heat").product("nova-x1").title("突增：social / heat / nova-x1 的负面声量 254 条")
                .evidence(Evidence.builder().figure("observed", 254).figure("baselineMedian", 37).figure("ratioToMedian", 6.86)
                        .figure("poissonPValue", 0).build()).build()));
        assertThat(new AlertReportNotes(alerts).notesFor("2026-W47", null)).singleElement()
                .satisfies(n -> {
                    assertThat(n.detailEn()).isEqualTo("254 negative posts this week against a usual 37 (6.9×).");
                    assertThat(n.detail()).isEqualTo("本周负面 254 条，通常 37 条（约 6.9 倍）。");
                });
    }

    private static Alert alert(String key, SignalType type, List<String> channels, String aspect) {
        return new Alert("a1", key, type, Severity.WARNING, "2026-W47", null, channels, aspect, null, "t", "d", null, null,
                Alert.Status.OPEN, null, null, 1, null, null, null, null, null);
    }

    @Test
    void openAlertsOfEarlierWeeksAreFollowedUpResolvedOnesAndLaterOnesAreNot() {
        AlertService alerts = new AlertService(new AlertRepository(dir), new AlertProperties(), List.of(),
                new MutableClock(Instant.parse("2026-11-24T03:00:00Z")), ZoneId.of("Asia/Shanghai"));
        alerts.receive(List.of(spike("2026-W44", "battery", Severity.WARNING),
                spike("2026-W45", "heat", Severity.CRITICAL), spike("2026-W45", "screen", Severity.WARNING),
                spike("2026-W47", "price", Severity.WARNING)));
        List<Alert> raised = alerts.list(null);
        assertThat(raised).hasSize(4);
        Alert battery = raised.stream().filter(a -> "battery".equals(a.aspect())).findFirst().orElseThrow();
        Alert screen = raised.stream().filter(a -> "screen".equals(a.aspect())).findFirst().orElseThrow();
        alerts.acknowledge(battery.id(), "wang");
        alerts.resolve(screen.id(), "li");

        List<WeeklyReport.FollowUp> open = new AlertReportNotes(alerts).openFor("2026-W46", null);
        assertThat(open).extracting(WeeklyReport.FollowUp::title).containsExactly("heat 负面突增", "battery 负面突增");
        assertThat(open.get(1).owner()).isEqualTo("wang");
        assertThat(open.get(1).status()).isEqualTo("acknowledged");
        assertThat(open.get(1).subject()).isEqualTo(new WeeklyReport.Subject("SPIKE", List.of("social"), "battery", "x1", null));
        assertThat(open).noneMatch(WeeklyReport.FollowUp::newThisWeek);
        assertThat(new AlertReportNotes(alerts).openFor("2026-W45", null))
                .filteredOn(WeeklyReport.FollowUp::newThisWeek).extracting(WeeklyReport.FollowUp::title)
                .containsExactly("heat 负面突增");
    }
}
