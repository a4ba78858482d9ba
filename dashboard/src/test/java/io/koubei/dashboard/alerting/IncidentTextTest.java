package io.koubei.dashboard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 18: every incident sentence exists in both languages, from figures, never with Chinese in English. */
class IncidentTextTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static Incident incident(SignalType type, Evidence evidence) {
        Signal s = Signal.builder(type).severity(Severity.WARNING).week("2026-W47")
                .channels(List.of(Channel.SOCIAL, Channel.TICKET)).aspect("heat").product("nova-x1").subject("wb-1000001")
                .title("中文标题").description("中文描述").evidence(evidence).build();
        return Incident.open(s, "a1", "/search", Instant.EPOCH);
    }

    @Test
    void everyTypeHasAnEnglishAndAChineseSentenceWithOrWithoutFigures() {
        Evidence full = Evidence.builder().figure("observed", 254).figure("baselineMedian", 37).figure("ratioToMedian", 6.86)
                .figure("observedMean", 3).figure("cr10", 0.81).figure("items", 178).figure("accounts", 40)
                .figure("spanMinutes", 110).figure("nps", -13).figure("changeVsPreviousWeek", -9).figure("value", 3.9)
                .figure("coreAuthors", 12).figure("mentions", 40).figure("netSentimentBefore", 0.2)
                .figure("netSentimentAfter", -0.1).figure("oursNetSentiment", 0.1).figure("competitorNetSentiment", 0.3)
                .figure("unanswered", 7).figure("consecutiveFailures", 3).figure("poissonPValue", 0.0).build();
        for (SignalType t : SignalType.values()) {
            for (Evidence e : List.of(full, Evidence.builder().build())) {
                Incident i = incident(t, e);
                String en = IncidentText.sentence(i, Locale.ENGLISH, IncidentNames.IDS);
                String zh = IncidentText.sentence(i, Locale.SIMPLIFIED_CHINESE, IncidentNames.IDS);
                assertThat(HAN.matcher(en).find()).as(t + ": " + en).isFalse();
                assertThat(HAN.matcher(zh).find()).as(t + ": " + zh).isTrue();
                assertThat(HAN.matcher(IncidentText.title(i, Locale.ENGLISH, IncidentNames.IDS)).find()).isFalse();
                assertThat(en).doesNotContain("null").doesNotContain("中文");
            }
        }
        Incident spike = incident(SignalType.SPIKE, full);
        assertThat(IncidentText.sentence(spike, Locale.SIMPLIFIED_CHINESE, IncidentNames.IDS))
                .isEqualTo("2026-W47 周声量 254 条，通常约 37 条（约 6.9 倍）。");
        assertThat(IncidentText.figureLabel("poissonPValue", Locale.ENGLISH)).isEqualTo("chance of this by luck (p-value)");
        assertThat(IncidentText.figureValue("poissonPValue", 0.0)).isEqualTo("< 0.001");
        assertThat(IncidentText.figureValue("cr10", 0.81)).isEqualTo("81%");
        assertThat(IncidentText.figureValue("nps", -13.0)).isEqualTo("−13");
    }

    @Test
    void titlesNameTheCompetitorAndLeaveOutIdsThatAreNoNames() {
        Signal gap = Signal.builder(SignalType.COMPETITOR_GAP).week("2026-W47").aspect("heat").product("nova-x1")
                .subject("rival-r9").title("t").build();
        IncidentNames names = new IncidentNames() {
            public String channel(String id, Locale l) { return id; }
            public String aspect(String id, Locale l) { return "Heat"; }
            public String product(String id, Locale l) { return id.equals("rival-r9") ? "Aurora R9" : "Xinghe X1"; }
            public String subject(String id, Locale l) { return "?" + id; }
        };
        assertThat(IncidentText.title(Incident.open(gap, "a", "/s", Instant.EPOCH), Locale.ENGLISH, names))
                .isEqualTo("Competitor gap · Heat · Xinghe X1 · vs Aurora R9");
        for (SignalType t : List.of(SignalType.NPS_DROP, SignalType.CSAT_DROP, SignalType.EVENT_IMPACT, SignalType.ASTROTURF,
                SignalType.RESPONSE_SLA)) {
            Signal s = Signal.builder(t).week("2026-W47").product("nova-x1").subject("some-id:42").title("t").build();
            assertThat(IncidentText.title(Incident.open(s, "a", "/s", Instant.EPOCH), Locale.ENGLISH, names))
                    .as(t.name()).doesNotContain("some-id").endsWith("Xinghe X1");
        }
        Signal csat = Signal.builder(SignalType.CSAT_DROP).week("2026-W43").subject("csat").title("t")
                .evidence(Evidence.builder().figure("value", 0.6).figure("changeVsPreviousWeek", -0.1).build()).build();
        assertThat(IncidentText.sentence(Incident.open(csat, "a", "/s", Instant.EPOCH), Locale.ENGLISH, names))
                .isEqualTo("60% of answers were satisfied (4–5) in 2026-W43 (−10 points vs the previous week).");
    }

    @Test
    void theMiniChartDrawsEachWeekAgainstTheBaselineWithGapsWhereTheSubjectWasQuiet() {
        Incident i = null;
        for (String week : List.of("2026-W43", "2026-W44", "2026-W46")) {
            Signal s = Signal.builder(SignalType.SPIKE).week(week).channel(Channel.SOCIAL).aspect("heat").subject("negative")
                    .title("t").evidence(Evidence.builder().figure("observed", week.endsWith("6") ? 90 : 60)
                            .figure("baselineMedian", 30).build()).build();
            i = i == null ? Incident.open(s, "a", "/s", Instant.EPOCH) : i.seen(s, "a", "/s", Instant.EPOCH);
        }
        IncidentView.Sparkline chart = IncidentView.chart(i, Locale.ENGLISH);
        assertThat(chart.points()).hasSize(3);
        assertThat(chart.path()).startsWith("M ").contains(" L ").contains(" M "); // W45 missing: the pen lifts
        assertThat(chart.baseline()).isGreaterThan(chart.points().get(2)[1]); // the baseline is below the peak (SVG y grows down)
        assertThat(i.weeksActive()).isEqualTo(3);
        assertThat(IncidentView.trend(i, "2026-W46")).isEqualTo("worsening");
        assertThat(IncidentView.trend(i, "2026-W47")).isEqualTo("ended");
    }
}
