package io.koubei.analysis.signals.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.Weeks;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossChannelTest {
    static final List<String> WEEKS = Weeks.range("2026-W30", "2026-W41");
    static final String LAUNCH = "2026-W37";

    record Data(BucketTable overall, BucketTable aspects) {
    }

    static BucketStats sentiment(Random r, int n, double pPos, double pNeg, int promoters, int detractors) {
        long pos = 0;
        long neg = 0;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            pos += u < pPos ? 1 : 0;
            neg += u >= pPos && u < pPos + pNeg ? 1 : 0;
        }
        return new BucketStats(n, pos, n - pos - neg, neg, promoters, 0, detractors, 0, 0, 0, 0, 0);
    }

    static long poisson(Random r, double lambda) {
        double l = Math.exp(-lambda);
        long k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** Social, ticket and community weekly counts; with {@code launch}, social glows and heat tickets climb. */
    static Data data(Random r, boolean launch) {
        return data(r, launch, false);
    }

    /** With {@code ticketSurge}, tickets grow to 2.5× after the launch, spread evenly (no aspect stands out). */
    static Data data(Random r, boolean launch, boolean ticketSurge) {
        return data(r, launch, ticketSurge, launch);
    }

    /** … and social glows after the launch only with {@code glow}. */
    static Data data(Random r, boolean launch, boolean ticketSurge, boolean glow) {
        List<Bucket> overall = new ArrayList<>();
        List<Bucket> aspects = new ArrayList<>();
        for (String w : WEEKS) {
            boolean after = launch && w.compareTo(LAUNCH) >= 0;
            int k = after ? WEEKS.indexOf(w) - WEEKS.indexOf(LAUNCH) + 1 : 0;
            boolean glowing = glow && after;
            overall.add(new Bucket(List.of(w, "social"), sentiment(r, 400, glowing ? 0.6 : 0.4, glowing ? 0.1 : 0.2, 0, 0)));
            overall.add(new Bucket(List.of(w, "ticket"), sentiment(r, ticketSurge && after ? 375 : 150, 0.05, 0.6, 0, 0)));
            overall.add(new Bucket(List.of(w, "community"), sentiment(r, 200, 0.35, 0.3, 0, 0)));
            overall.add(new Bucket(List.of(w, "survey"), sentiment(r, 60, 0.4, 0.2, 30, 12)));
            long heat = poisson(r, after && !ticketSurge ? 8 + 10 * Math.min(k, 3) : 8);
            aspects.add(new Bucket(List.of(w, "ticket", "heat:negative"), new BucketStats(heat, 0, 0, heat, 0, 0, 0, 0, 0, 0, 0, 0)));
            long bat = poisson(r, 20);
            aspects.add(new Bucket(List.of(w, "ticket", "battery:negative"), new BucketStats(bat, 0, 0, bat, 0, 0, 0, 0, 0, 0, 0, 0)));
            long sHeat = poisson(r, 6);
            aspects.add(new Bucket(List.of(w, "social", "heat:negative"), new BucketStats(sHeat, 0, 0, sHeat, 0, 0, 0, 0, 0, 0, 0, 0)));
            long sPos = poisson(r, 30);
            aspects.add(new Bucket(List.of(w, "social", "camera:positive"), new BucketStats(sPos, sPos, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        return new Data(BucketTable.of(List.of(Dimension.WEEK, Dimension.CHANNEL), overall),
                BucketTable.of(List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY), aspects));
    }

    /**
     * Social glowing from {@code W37} (weeks W33–W38); tickets with 13 aspects at 3 negative mentions a week,
     * and {@code system} at the given weekly counts (null: a week without data).
     */
    static Data tickets(Random r, Long[] system) {
        List<Bucket> overall = new ArrayList<>();
        List<Bucket> aspects = new ArrayList<>();
        List<String> weeks = Weeks.range("2026-W33", "2026-W38");
        for (int i = 0; i < weeks.size(); i++) {
            String w = weeks.get(i);
            if (system[i] == null) {
                continue;
            }
            boolean after = w.compareTo(LAUNCH) >= 0;
            overall.add(new Bucket(List.of(w, "social"), sentiment(r, 400, after ? 0.6 : 0.4, after ? 0.1 : 0.2, 0, 0)));
            overall.add(new Bucket(List.of(w, "ticket"), sentiment(r, 150, 0.05, 0.6, 0, 0)));
            aspects.add(new Bucket(List.of(w, "ticket", "system:negative"),
                    new BucketStats(system[i], 0, 0, system[i], 0, 0, 0, 0, 0, 0, 0, 0)));
            for (int a = 0; a < 13; a++) {
                long n = 3;
                aspects.add(new Bucket(List.of(w, "ticket", "aspect" + a + ":negative"),
                        new BucketStats(n, 0, 0, n, 0, 0, 0, 0, 0, 0, 0, 0)));
            }
        }
        return new Data(BucketTable.of(List.of(Dimension.WEEK, Dimension.CHANNEL), overall),
                BucketTable.of(List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY), aspects));
    }

    private static List<String> ticketAspects(List<Signal> signals) {
        return signals.stream().filter(s -> s.channels().equals(List.of(Channel.SOCIAL, Channel.TICKET)))
                .map(Signal::aspect).toList();
    }

    @Test
    void weeksBeforeTheDataStartAreNoBaseline() {
        // data from W36: the ticket baseline W35–W36 is really one week of 3, not a median of 0 (replayed data
        // raised an "11× expected" divergence that way)
        Data d = tickets(new Random(5), new Long[] {null, null, null, 3L, 6L, 5L});
        DivergenceParams p = DivergenceParams.DEFAULTS;
        assertThat(ticketAspects(new DivergenceDetector(p).detect(d.overall(), d.aspects(), "2026-W38", null)))
                .contains("system");
        assertThat(new DivergenceDetector(p, "2026-W36").detect(d.overall(), d.aspects(), "2026-W38", null)).isEmpty();
    }

    @Test
    void aModestRiseOnOneOfFourteenAspectsIsNoiseAStrongOneIsNot() {
        // 11 in two weeks against 1.5 a week: p ≈ 3e-4, below 0.001 but one of 14 aspects tested every week
        Data noise = tickets(new Random(6), new Long[] {4L, 1L, 1L, 2L, 7L, 4L});
        assertThat(new DivergenceDetector().detect(noise.overall(), noise.aspects(), "2026-W38", null)).isEmpty();
        Data surge = tickets(new Random(6), new Long[] {4L, 1L, 1L, 2L, 12L, 14L});
        assertThat(ticketAspects(new DivergenceDetector().detect(surge.overall(), surge.aspects(), "2026-W38", null)))
                .contains("system");
    }

    @Test
    void glowingSocialWhileHeatTicketsClimbIsADivergence() {
        Data d = data(new Random(1), true);
        List<Signal> signals = new DivergenceDetector().detect(d.overall(), d.aspects(), "2026-W38", "X1");
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.DIVERGENCE);
            assertThat(s.channels()).containsExactly(Channel.SOCIAL, Channel.TICKET);
            assertThat(s.aspect()).isEqualTo("heat");
            assertThat(s.product()).isEqualTo("X1");
            assertThat(s.severity()).isEqualTo(Severity.WARNING);
            assertThat(s.evidence().figures().get("upChangeLow")).isGreaterThan(0);
            assertThat(s.evidence().figures().get("aspectRatio")).isGreaterThan(1.5);
            assertThat(s.evidence().facts().get("aspectWeekly")).contains("2026-W38=");
            assertThat(s.evidence().drillDown()).containsEntry("channel", "ticket")
                    .containsEntry("aspect_polarity", "heat:negative");
            assertThat(s.title()).contains("social").contains("ticket").contains("heat");
        });
    }

    @Test
    void glowingSocialWhileTicketsSurgeOnNoSingleAspectIsADivergence() {
        Data d = data(new Random(3), true, true);
        List<Signal> signals = new DivergenceDetector().detect(d.overall(), d.aspects(), "2026-W38", null);
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.channels()).containsExactly(Channel.SOCIAL, Channel.TICKET);
            assertThat(s.aspect()).isNull();
            assertThat(s.evidence().figures().get("negativeRatio")).isGreaterThan(2.0);
            assertThat(s.evidence().drillDown()).containsEntry("channel", "ticket").containsEntry("polarity", "negative");
            assertThat(s.title()).contains("ticket").contains("负面反馈");
        });
        // the same surge without the glow is no divergence (a spike, for the trend detectors)
        Data flat = data(new Random(3), true, true, false);
        assertThat(new DivergenceDetector().detect(flat.overall(), flat.aspects(), "2026-W38", null)).isEmpty();
    }

    @Test
    void departmentsDivergeToo() {
        Data d = data(new Random(1), true);
        List<Signal> signals = new DivergenceDetector().detect(ChannelMatrix.toDepartments(d.overall()),
                ChannelMatrix.toDepartments(d.aspects()), "2026-W38", null);
        assertThat(signals).anySatisfy(s -> {
            assertThat(s.subject()).isEqualTo("pr→service");
            assertThat(s.aspect()).isEqualTo("heat");
            assertThat(s.channels()).isEmpty();
        });
    }

    @Test
    void calmWeeksHaveNoDivergence() {
        for (int seed = 0; seed < 10; seed++) {
            Data d = data(new Random(seed), false);
            for (String w : WEEKS.subList(6, WEEKS.size())) {
                assertThat(new DivergenceDetector().detect(d.overall(), d.aspects(), w, null)).as("seed %d %s", seed, w)
                        .isEmpty();
            }
        }
    }

    @Test
    void weeklyMatrixByChannelAndDepartment() {
        Data d = data(new Random(2), true);
        List<ChannelRow> rows = ChannelMatrix.byChannel(d.overall(), d.aspects(), "2026-W39", 30, 3);
        assertThat(rows).extracting(ChannelRow::scope).containsExactly("social", "community", "ticket", "survey");
        ChannelRow ticket = rows.get(2);
        assertThat(ticket.department()).isEqualTo("service");
        assertThat(ticket.topNegative().get(0).aspect()).isEqualTo("heat");
        assertThat(ticket.nps()).isNull();
        assertThat(rows.get(3).nps().n()).isEqualTo(42);
        assertThat(rows.get(3).nps().sufficient()).isTrue();

        List<ChannelRow> depts = ChannelMatrix.byDepartment(d.overall(), d.aspects(), "2026-W39", 30, 3);
        assertThat(depts).extracting(ChannelRow::scope).containsExactly("pr", "product", "service");
        assertThat(depts.get(1).volume()).isEqualTo(260);
    }
}
