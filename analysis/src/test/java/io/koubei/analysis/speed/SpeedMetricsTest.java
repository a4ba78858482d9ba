package io.koubei.analysis.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.koubei.core.feedback.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpeedMetricsTest {
    static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");

    static SpeedCase c(String id, Channel ch, long createdMin, Long replyMin, Long resolveMin, boolean anomaly) {
        Instant created = T0.plus(Duration.ofMinutes(createdMin));
        return new SpeedCase(id, ch, "p", "2026-W45", ch.department(), null, created,
                replyMin == null ? null : created.plus(Duration.ofMinutes(replyMin)),
                resolveMin == null ? null : created.plus(Duration.ofMinutes(resolveMin)), anomaly, false, 0, null);
    }

    @Test
    void nearestRankPercentiles() {
        assertThat(Percentiles.nearestRank(List.of(4.0, 1.0, 3.0, 2.0), 50)).isEqualTo(2.0);
        assertThat(Percentiles.nearestRank(List.of(4.0, 1.0, 3.0, 2.0), 90)).isEqualTo(4.0);
        assertThat(Percentiles.nearestRank(List.of(7.0), 90)).isEqualTo(7.0);
        // 10 values 10..100: p90 rank ceil(9) = 9th = 90; p50 rank 5 = 50
        List<Double> tens = new ArrayList<>();
        for (int i = 10; i >= 1; i--) tens.add(i * 10.0);
        assertThat(Percentiles.nearestRank(tens, 90)).isEqualTo(90.0);
        assertThat(Percentiles.nearestRank(tens, 50)).isEqualTo(50.0);
        assertThat(Percentiles.nearestRank(List.of(), 50)).isNull();
    }

    @Test
    void handPickedCasesGiveTheFiguresWorkedOutByHand() {
        List<SpeedCase> cases = List.of(
                c("a", Channel.SOCIAL, 0, 30L, 60L, true),        // in SLA, closed 24h, anomaly on time
                c("b", Channel.SOCIAL, 0, 100L, 2000L, false),    // exactly 100 min: within
                c("c", Channel.SOCIAL, 0, 101L, null, true),      // breached, anomaly late
                c("d", Channel.SOCIAL, 0, null, null, false),     // unanswered, created 3 days before now: breached
                c("e", Channel.TICKET, 4300, null, null, true),   // created 20 min before now: pending everywhere
                c("f", Channel.TICKET, 0, 5L, 1440L, true));      // closed exactly at 24 h; anomaly: resolved late
        Instant now = T0.plus(Duration.ofMinutes(4320));
        SpeedSummary s = new SpeedMetrics(SlaPolicy.DEFAULT, BusinessHours.ALWAYS).summarize(cases, now);

        assertThat(s.cases()).isEqualTo(6);
        assertThat(s.answered()).isEqualTo(4);
        // answered minutes: 5, 30, 100, 101 -> p50 rank 2 = 30, p90 rank 4 = 101
        assertThat(s.firstResponseP50Minutes()).isEqualTo(30.0);
        assertThat(s.firstResponseP90Minutes()).isEqualTo(101.0);
        assertThat(s.withinSlaIds()).containsExactlyInAnyOrder("a", "b", "f");
        assertThat(s.breachedIds()).containsExactlyInAnyOrder("c", "d");
        assertThat(s.pendingIds()).containsExactly("e");
        assertThat(s.slaShare()).isCloseTo(3.0 / 5, within(1e-12));
        // resolution minutes 60, 1440, 2000 -> p50 = 1440, p90 = 2000
        assertThat(s.resolutionP50Minutes()).isEqualTo(1440.0);
        assertThat(s.resolutionP90Minutes()).isEqualTo(2000.0);
        assertThat(s.closedInWindowIds()).containsExactlyInAnyOrder("a", "f");
        assertThat(s.closeDue()).isEqualTo(5);
        assertThat(s.closeRate()).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(s.anomalyIds()).containsExactlyInAnyOrder("a", "c", "e", "f");
        assertThat(s.anomalyOnTimeIds()).containsExactly("a");
        assertThat(s.anomalyDue()).isEqualTo(3);
        assertThat(s.anomalyOnTimeRate()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void randomCasesMatchABruteForceComputation() {
        Random r = new Random(11);
        List<SpeedCase> cases = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Long reply = r.nextInt(5) == 0 ? null : (long) r.nextInt(400);
            Long resolve = reply == null || r.nextBoolean() ? null : reply + r.nextInt(3000);
            cases.add(c("x" + i, r.nextBoolean() ? Channel.SOCIAL : Channel.COMMUNITY, r.nextInt(10_000), reply, resolve,
                    r.nextInt(4) == 0));
        }
        Instant now = T0.plus(Duration.ofMinutes(10_000));
        SlaPolicy policy = new SlaPolicy(Duration.ofMinutes(100), Map.of(Channel.COMMUNITY, Duration.ofMinutes(240)), 0.8,
                Duration.ofHours(1), Duration.ofHours(24));
        SpeedSummary s = new SpeedMetrics(policy, BusinessHours.ALWAYS).summarize(cases, now);

        List<Long> fr = new ArrayList<>();
        int within = 0, due = 0, closed = 0, closeDue = 0, anomalyOk = 0, anomalyDue = 0;
        for (SpeedCase c : cases) {
            long sla = c.channel() == Channel.COMMUNITY ? 240 : 100;
            long age = (now.getEpochSecond() - c.createdAt().getEpochSecond()) / 60;
            Long reply = c.firstResponseAt() == null ? null : (c.firstResponseAt().getEpochSecond() - c.createdAt().getEpochSecond()) / 60;
            Long res = c.resolvedAt() == null ? null : (c.resolvedAt().getEpochSecond() - c.createdAt().getEpochSecond()) / 60;
            if (reply != null) { fr.add(reply); due++; if (reply <= sla) within++; }
            else if (age > sla) due++;
            if (res != null && res <= 1440) { closed++; closeDue++; } else if (age > 1440) closeDue++;
            if (c.anomaly()) {
                boolean ok = reply != null && res != null && reply <= 60 && res <= 60;
                if (ok) anomalyOk++;
                if (ok || age > 60) anomalyDue++;
            }
        }
        fr.sort(null);
        assertThat(s.firstResponseP50Minutes()).isEqualTo((double) fr.get((int) Math.ceil(fr.size() * 0.5) - 1));
        assertThat(s.firstResponseP90Minutes()).isEqualTo((double) fr.get((int) Math.ceil(fr.size() * 0.9) - 1));
        assertThat(s.slaShare()).isCloseTo((double) within / due, within(1e-12));
        assertThat(s.closeRate()).isCloseTo((double) closed / closeDue, within(1e-12));
        assertThat(s.anomalyOnTimeRate()).isCloseTo((double) anomalyOk / anomalyDue, within(1e-12));
        assertThat(s.slaDue()).isEqualTo(due);
    }

    @Test
    void emptyGroupsHaveNoRatesRatherThanZero() {
        SpeedSummary s = new SpeedMetrics(SlaPolicy.DEFAULT, BusinessHours.ALWAYS).summarize(List.of(), T0);
        assertThat(s.slaShare()).isNull();
        assertThat(s.firstResponseP50Minutes()).isNull();
        assertThat(s.anomalyOnTimeRate()).isNull();
    }
}
