package io.koubei.analysis.signals.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.TestItems;
import io.koubei.analysis.signals.Weeks;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyMetricsTest {
    static final List<String> WEEKS = Weeks.range("2026-W36", "2026-W45");

    static BucketStats nps(long p, long pa, long d) {
        return new BucketStats(p + pa + d, 0, 0, 0, p, pa, d, 0, 0, 0, 0, 0);
    }

    /** ~200 answers a week around NPS 30; the last week optionally collapses to around 0. */
    static BucketTable weeks(Random r, boolean drop) {
        List<Bucket> b = new ArrayList<>();
        for (String w : WEEKS) {
            boolean last = w.equals("2026-W45");
            int n = 200;
            double pp = drop && last ? 0.35 : 0.5;
            double pd = drop && last ? 0.35 : 0.2;
            long p = 0;
            long d = 0;
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                p += u < pp ? 1 : 0;
                d += u >= pp && u < pp + pd ? 1 : 0;
            }
            b.add(new Bucket(List.of(w, "survey"), nps(p, n - p - d, d)));
        }
        return BucketTable.of(List.of(Dimension.WEEK, Dimension.CHANNEL), b);
    }

    @Test
    void significantDropIsAnAlertWithIntervals() {
        SurveyMetrics m = new SurveyMetrics();
        List<WeeklyNps> nps = m.nps(SurveyMetrics.byWeek(weeks(new Random(3), true)), WEEKS);
        WeeklyNps last = nps.get(nps.size() - 1);
        assertThat(last.score().sufficient()).isTrue();
        assertThat(last.vsPreviousWeek().significant()).isTrue();
        assertThat(last.vsTrailing().significant()).isTrue();
        assertThat(last.trailing().n()).isEqualTo(800);

        List<Signal> alerts = SurveyAlerts.npsDrops(nps, "survey", Channel.SURVEY, "X1");
        assertThat(alerts).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.NPS_DROP);
            assertThat(s.week()).isEqualTo("2026-W45");
            assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(s.evidence().figures().get("changeVsTrailingHigh")).isLessThan(0);
            assertThat(s.description()).contains("显著");
        });
    }

    @Test
    void noiseIsNotSignificantAndSmallWeeksAreInsufficient() {
        SurveyMetrics m = new SurveyMetrics();
        int alerts = 0;
        int significant = 0;
        int checked = 0;
        for (int seed = 0; seed < 40; seed++) {
            List<WeeklyNps> nps = m.nps(SurveyMetrics.byWeek(weeks(new Random(seed), false)), WEEKS.subList(5, 10));
            alerts += SurveyAlerts.npsDrops(nps, "survey", null, null).size();
            significant += (int) nps.stream().filter(w -> w.vsPreviousWeek().significant()).count();
            checked += nps.size();
        }
        // 95% intervals: about 5% of noise weeks differ "significantly"; alerts (99%, drops only) far fewer.
        assertThat(significant).isBetween(1, checked / 8);
        assertThat(alerts).isLessThanOrEqualTo(checked / 50);
        Map<String, BucketStats> small = Map.of("2026-W44", nps(15, 5, 5), "2026-W45", nps(2, 5, 15));
        WeeklyNps w = m.nps(small, List.of("2026-W45")).get(0);
        assertThat(w.score().sufficient()).isFalse();
        assertThat(w.vsPreviousWeek()).isNull();
        assertThat(SurveyAlerts.npsDrops(List.of(w), "x", null, null)).isEmpty();
    }

    @Test
    void csatAndFieldProportions() {
        List<AnalyzedFeedback> items = new ArrayList<>();
        Random r = new Random(5);
        for (String w : List.of("2026-W44", "2026-W45")) {
            for (int i = 0; i < 100; i++) {
                boolean bad = w.equals("2026-W45");
                int score = r.nextDouble() < (bad ? 0.5 : 0.85) ? 4 + r.nextInt(2) : 1 + r.nextInt(3);
                String first = r.nextDouble() < 0.4 ? "星河" : "别家";
                items.add(TestItems.item().channel(Channel.SURVEY).at(TestItems.inWeek(w, i)).csat(score)
                        .fields(i % 10 == 0 ? Map.of() : Map.of("firstRecommend", first, "aware", i % 3 == 0 ? "极光" : "星河,极光"))
                        .build());
            }
        }
        SurveyMetrics m = new SurveyMetrics();
        List<WeeklyProportion> csat = m.csat(SurveyMetrics.byWeek(items), List.of("2026-W45"));
        assertThat(csat.get(0).value().n()).isEqualTo(100);
        assertThat(csat.get(0).mean()).isBetween(1.0, 5.0);
        assertThat(csat.get(0).vsPreviousWeek().significant()).isTrue();
        assertThat(SurveyAlerts.csatDrops(csat, "survey", Channel.SURVEY, null)).singleElement()
                .satisfies(s -> assertThat(s.type()).isEqualTo(SignalType.CSAT_DROP));

        Map<String, io.koubei.analysis.metrics.Proportion> p = m.proportions(SurveyQuestion.defaults(Set.of("星河")), items);
        assertThat(p.get("first_recommendation").n()).isEqualTo(180);
        assertThat(p.get("first_recommendation").value()).isBetween(0.3, 0.5);
        assertThat(p.get("awareness").n()).isEqualTo(180);
        assertThat(p.get("awareness").value()).isBetween(0.6, 0.7);
        assertThat(p.get("preference").n()).isZero();
        assertThat(p.get("preference").sufficient()).isFalse();
        List<WeeklyProportion> weekly = m.proportion(SurveyQuestion.defaults(Set.of("星河")).get(0), items,
                List.of("2026-W45"));
        assertThat(weekly.get(0).value().n()).isEqualTo(90);
    }

    @Test
    void driversRankTheAspectDetractorsComplainAbout() {
        List<AnalyzedFeedback> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int score = i < 40 ? 10 : i < 70 ? 8 : 3;
            TestItems b = TestItems.item().channel(Channel.SURVEY).nps(score);
            if (score == 3 && i < 90) {
                b.opinion("heat", Polarity.NEGATIVE, "太烫了");
            }
            if (i % 10 == 0) {
                b.opinion("price", Polarity.NEGATIVE, "有点贵");
            }
            items.add(b.build());
        }
        List<NpsDriver> drivers = NpsDrivers.compute(items, 30, 3);
        assertThat(drivers.get(0).aspect()).isEqualTo("heat");
        assertThat(drivers.get(0).detractorsMentioning()).isEqualTo(20);
        assertThat(drivers.get(0).nps()).isEqualTo(10.0);
        assertThat(drivers.get(0).npsWithout()).isEqualTo(30.0);
        assertThat(drivers.get(0).exampleIds()).hasSize(20);
        assertThat(drivers).extracting(NpsDriver::aspect).containsExactly("heat", "price");
        assertThat(NpsDrivers.compute(items.subList(0, 20), 30, 3)).isEmpty();
    }
}
