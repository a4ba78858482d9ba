package io.koubei.analysis.speed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Unanswered cases by urgency: least business time left before the SLA breach first; on ties negative items,
 * then higher reach. A case is AT_RISK once it has used {@code riskFraction} of its SLA, BREACHED once past it.
 */
public final class LiveQueue {
    public enum Status { OK, AT_RISK, BREACHED }

    /** @param minutesLeft business minutes to the deadline; negative once breached */
    public record Entry(SpeedCase item, Instant deadline, double slaMinutes, double elapsedMinutes,
            double minutesLeft, Status status) {
    }

    private final SpeedMetrics metrics;

    public LiveQueue(SpeedMetrics metrics) {
        this.metrics = metrics;
    }

    public List<Entry> entries(List<SpeedCase> cases, Instant now) {
        return cases.stream().filter(c -> !c.answered()).map(c -> entry(c, now))
                .sorted(Comparator.comparingDouble(Entry::minutesLeft)
                        .thenComparing(e -> !e.item().negative())
                        .thenComparing(e -> -e.item().reach())
                        .thenComparing(e -> e.item().id()))
                .toList();
    }

    Entry entry(SpeedCase c, Instant now) {
        BusinessHours hours = metrics.hours();
        Duration sla = metrics.policy().sla(c.channel());
        Instant deadline = metrics.slaDeadline(c);
        double elapsed = SpeedMetrics.minutes(hours.elapsed(c.createdAt(), now));
        double slaMinutes = SpeedMetrics.minutes(sla);
        double left = slaMinutes - elapsed;
        Status status = elapsed > slaMinutes ? Status.BREACHED
                : elapsed >= metrics.policy().riskFraction() * slaMinutes ? Status.AT_RISK : Status.OK;
        return new Entry(c, deadline, slaMinutes, elapsed, left, status);
    }
}
