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
        List<Bucket> overall = new ArrayList<>();
        List<Bucket> aspects = new ArrayList<>();
        for (String w : WEEKS) {
            boolean after = launch && w.compareTo(LAUNCH) >= 0;
            int k = after ? WEEKS.indexOf(w) - WEEKS.indexOf(LAUNCH) + 1 : 0;
            overall.add(new Bucket(List.of(w, "social"), sentiment(r, 400, after ? 0.6 : 0.4, after ? 0.1 : 0.2, 0, 0)));
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
        Data flat = data(new Random(3), false, false);
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
