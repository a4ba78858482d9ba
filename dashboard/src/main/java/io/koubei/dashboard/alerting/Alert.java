package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import java.time.Instant;
import java.util.List;

/**
 * An alert: a signal a human must see, with its lifecycle. The same finding on a later run (same dedup key)
 * updates this alert instead of creating another; it is delivered again only when it worsens or re-opens.
 */
public record Alert(
        String id,
        String dedupKey,
        SignalType type,
        Severity severity,
        String week,
        String day,
        List<String> channels,
        String aspect,
        String product,
        String title,
        String description,
        Evidence evidence,
        String link,
        Status status,
        Instant firstSeen,
        Instant lastSeen,
        int occurrences,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String resolvedBy,
        Instant resolvedAt,
        Instant deliveredAt) {

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    static Alert open(String id, Signal s, String link, Instant now) {
        return new Alert(id, s.dedupKey(), s.type(), s.severity(), s.week(), s.day(),
                s.channels().stream().map(c -> c.wireName()).toList(), s.aspect(), s.product(), s.title(),
                s.description(), s.evidence(), link, Status.OPEN, now, now, 1, null, null, null, null, null);
    }

    /** The same finding seen again: fresher numbers, possibly higher severity; a resolved alert re-opens. */
    Alert seenAgain(Signal s, String link, Instant now) {
        Status next = status == Status.RESOLVED ? Status.OPEN : status;
        return new Alert(id, dedupKey, type, severity.max(s.severity()), s.week(), s.day(), channels, aspect, product,
                s.title(), s.description(), s.evidence(), link, next, firstSeen, now, occurrences + 1,
                next == Status.OPEN ? null : acknowledgedBy, next == Status.OPEN ? null : acknowledgedAt,
                next == Status.OPEN ? null : resolvedBy, next == Status.OPEN ? null : resolvedAt, deliveredAt);
    }

    Alert acknowledged(String by, Instant at) {
        return new Alert(id, dedupKey, type, severity, week, day, channels, aspect, product, title, description, evidence,
                link, Status.ACKNOWLEDGED, firstSeen, lastSeen, occurrences, by, at, resolvedBy, resolvedAt, deliveredAt);
    }

    Alert resolved(String by, Instant at) {
        return new Alert(id, dedupKey, type, severity, week, day, channels, aspect, product, title, description, evidence,
                link, Status.RESOLVED, firstSeen, lastSeen, occurrences, acknowledgedBy, acknowledgedAt, by, at, deliveredAt);
    }

    Alert delivered(Instant at) {
        return new Alert(id, dedupKey, type, severity, week, day, channels, aspect, product, title, description, evidence,
                link, status, firstSeen, lastSeen, occurrences, acknowledgedBy, acknowledgedAt, resolvedBy, resolvedAt, at);
    }
}
