package io.koubei.analysis.speed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes {@link SpeedSummary} figures (definitions in docs/speed.md). Pure: the same cases, policy, hours and
 * {@code now} always give the same figures. {@code now} only decides which open cases are already late.
 */
public final class SpeedMetrics {
    private final SlaPolicy policy;
    private final BusinessHours hours;

    public SpeedMetrics(SlaPolicy policy, BusinessHours hours) {
        this.policy = policy;
        this.hours = hours;
    }

    public SlaPolicy policy() {
        return policy;
    }

    public BusinessHours hours() {
        return hours;
    }

    public static double minutes(Duration d) {
        return d.toMillis() / 60_000.0;
    }

    /** Business minutes from creation to first response, null while unanswered. */
    public Double firstResponseMinutes(SpeedCase c) {
        return c.firstResponseAt() == null ? null : minutes(hours.elapsed(c.createdAt(), c.firstResponseAt()));
    }

    public Double resolutionMinutes(SpeedCase c) {
        return c.resolvedAt() == null ? null : minutes(hours.elapsed(c.createdAt(), c.resolvedAt()));
    }

    public Instant slaDeadline(SpeedCase c) {
        return hours.deadline(c.createdAt(), policy.sla(c.channel()));
    }

    public SpeedSummary summarize(Collection<SpeedCase> cases, Instant now) {
        List<Double> firstResponse = new ArrayList<>();
        List<Double> resolution = new ArrayList<>();
        List<String> within = new ArrayList<>(), breached = new ArrayList<>(), pending = new ArrayList<>(),
                unanswered = new ArrayList<>(), closed = new ArrayList<>(), anomalies = new ArrayList<>(),
                anomalyOnTime = new ArrayList<>();
        int closeDue = 0, anomalyDue = 0;
        double closeMinutes = minutes(policy.closeWindow());
        double anomalyMinutes = minutes(policy.anomalyClock());
        for (SpeedCase c : cases) {
            double slaMinutes = minutes(policy.sla(c.channel()));
            double ageMinutes = minutes(hours.elapsed(c.createdAt(), now));
            Double fr = firstResponseMinutes(c);
            Double res = resolutionMinutes(c);
            if (fr != null) {
                firstResponse.add(fr);
                (fr <= slaMinutes ? within : breached).add(c.id());
            } else {
                unanswered.add(c.id());
                (ageMinutes > slaMinutes ? breached : pending).add(c.id());
            }
            if (res != null) {
                resolution.add(res);
            }
            boolean closedInWindow = res != null && res <= closeMinutes;
            if (closedInWindow) {
                closed.add(c.id());
            }
            if (closedInWindow || ageMinutes > closeMinutes) {
                closeDue++;
            }
            if (c.anomaly()) {
                anomalies.add(c.id());
                boolean onTime = fr != null && res != null && fr <= anomalyMinutes && res <= anomalyMinutes;
                if (onTime) {
                    anomalyOnTime.add(c.id());
                }
                if (onTime || ageMinutes > anomalyMinutes) {
                    anomalyDue++;
                }
            }
        }
        int slaDue = within.size() + breached.size();
        return new SpeedSummary(cases.size(), firstResponse.size(),
                Percentiles.nearestRank(firstResponse, 50), Percentiles.nearestRank(firstResponse, 90),
                slaDue, rate(within.size(), slaDue), resolution.size(),
                Percentiles.nearestRank(resolution, 50), Percentiles.nearestRank(resolution, 90),
                closeDue, rate(closed.size(), closeDue), anomalyDue, rate(anomalyOnTime.size(), anomalyDue),
                within, breached, pending, unanswered, closed, anomalies, anomalyOnTime);
    }

    /** One summary per key (sorted), e.g. per channel, department, product or week. */
    public Map<String, SpeedSummary> summarizeBy(Collection<SpeedCase> cases, Function<SpeedCase, String> key,
            Instant now) {
        Map<String, List<SpeedCase>> groups = new TreeMap<>();
        for (SpeedCase c : cases) {
            String k = key.apply(c);
            groups.computeIfAbsent(k == null ? "-" : k, x -> new ArrayList<>()).add(c);
        }
        Map<String, SpeedSummary> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, summarize(v, now)));
        return out;
    }

    static Double rate(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
