package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One incident: the alerts about the same subject (type + channels + aspect + product + account/source) over
 * consecutive periods, with one lifecycle (open → acknowledged → resolved, reopened when it comes back after being
 * resolved), an owner, comments and a history. Its id is derived from the subject, so every node and every re-scan
 * finds the same incident. Each week's alert is one {@link Occurrence}; the alert itself (description, items) stays in
 * the {@code alerts} collection under {@link Occurrence#alertId()}.
 *
 * @param severity        the severity of the latest occurrence (the current one)
 * @param peak            the highest severity ever seen
 * @param notice          a notification still to send (opened, escalated, reopened), or null
 * @param notifiedSeverity the highest severity a notification has gone out for since the incident last (re)opened
 * @param deliveredAt     when the last notification went out (or was claimed by a node)
 */
public record Incident(
        String id,
        String subjectKey,
        SignalType type,
        List<String> channels,
        String aspect,
        String product,
        String subject,
        Severity severity,
        Severity peak,
        Alert.Status status,
        String owner,
        List<Occurrence> occurrences,
        List<Change> history,
        List<Comment> comments,
        Instant firstSeen,
        Instant lastSeen,
        Notice notice,
        Severity notifiedSeverity,
        Instant deliveredAt) {

    /** Why a notification is due. */
    public enum Notice { OPENED, ESCALATED, REOPENED }

    /**
     * One period (an ISO week; a day's signal counts in its week) the subject was alerted on.
     *
     * @param figures the detector's numbers for that period (the evidence behind the sentence and the mini chart)
     */
    public record Occurrence(String period, String alertId, Severity severity, Map<String, Double> figures, String link,
            Instant seenAt) {
    }

    /** A status change or an assignment, who did it and when ({@code action}: opened, acknowledged, resolved, reopened, assigned, escalated). */
    public record Change(String action, String by, Instant at, String detail) {
    }

    public record Comment(String by, Instant at, String text) {
    }

    public Incident {
        channels = channels == null ? List.of() : List.copyOf(channels);
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
        history = history == null ? List.of() : List.copyOf(history);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** {@code TYPE|channels|aspect|product|subject}: the signal's dedup key without its week and day. */
    public static String subjectKey(Signal s) {
        return subjectKeyOf(s.dedupKey());
    }

    /** The subject part of an alert's dedup key ({@code TYPE|week|day|channels|aspect|product|subject}). */
    public static String subjectKeyOf(String dedupKey) {
        String[] parts = dedupKey.split("\\|", -1);
        if (parts.length == 7) {
            return String.join("|", parts[0], parts[3], parts[4], parts[5], parts[6]);
        }
        // a detector's own key (no week in it): it names the subject already
        return dedupKey;
    }

    public static String idOf(String subjectKey) {
        return "inc-" + UUID.nameUUIDFromBytes(subjectKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The period of a signal: its week, or the week of its day; "-" when it names neither. */
    static String periodOf(Signal s) {
        if (s.week() != null && !s.week().isBlank()) {
            return s.week();
        }
        if (s.day() != null && s.day().matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate d = LocalDate.parse(s.day());
            return String.format(java.util.Locale.ROOT, "%d-W%02d", d.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                    d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        return "-";
    }

    static Incident open(Signal s, String alertId, String link, Instant now) {
        String key = subjectKey(s);
        Occurrence o = new Occurrence(periodOf(s), alertId, s.severity(), s.evidence().figures(), link, now);
        return new Incident(idOf(key), key, s.type(), s.channels().stream().map(Channel::wireName).toList(),
                s.aspect(), s.product(), s.subject(), s.severity(), s.severity(), Alert.Status.OPEN, null, List.of(o),
                List.of(new Change("opened", null, now, o.period())), List.of(), now, now, Notice.OPENED, null, null);
    }

    /**
     * The subject alerted on again. The same period again (a re-scan) refreshes that occurrence; a later period after
     * the incident was resolved reopens it; a severity above what was last notified escalates it. Only these set a
     * {@link #notice}: a subject that persists at the same severity week after week notifies once.
     */
    Incident seen(Signal s, String alertId, String link, Instant now) {
        String period = periodOf(s);
        String latestBefore = latestPeriod();
        List<Occurrence> next = new ArrayList<>(occurrences.stream().filter(o -> !o.period().equals(period)).toList());
        next.add(new Occurrence(period, alertId, s.severity(), s.evidence().figures(), link, now));
        next.sort(Comparator.comparing(Occurrence::period));
        Severity current = next.get(next.size() - 1).severity();
        Severity newPeak = next.stream().map(Occurrence::severity).reduce(Severity.INFO, Severity::max);
        List<Change> h = new ArrayList<>(history);
        Alert.Status st = status;
        Notice n = notice;
        Severity notified = notifiedSeverity;
        Instant delivered = deliveredAt;
        if (status == Alert.Status.RESOLVED && period.compareTo(latestBefore) > 0) {
            st = Alert.Status.OPEN;
            h.add(new Change("reopened", null, now, period));
            n = Notice.REOPENED;
            notified = null;
            delivered = null;
        } else if (st != Alert.Status.RESOLVED && n == null && period.compareTo(latestBefore) >= 0
                && current.compareTo(notified != null ? notified : severity) > 0) {
            // worse than what was last notified; a notice still pending carries the new severity by itself
            h.add(new Change("escalated", null, now, current.name()));
            n = Notice.ESCALATED;
            delivered = null;
        }
        return new Incident(id, subjectKey, type, channels, aspect, product, subject, current, newPeak, st, owner, next,
                h, comments, firstSeen, now, n, notified, delivered);
    }

    /** Moved in from the alerts of an older version: their status, nothing left to notify. */
    Incident migrated(Alert.Status st) {
        return new Incident(id, subjectKey, type, channels, aspect, product, subject, severity, peak, st, owner,
                occurrences, history, comments, firstSeen, lastSeen, null, severity, lastSeen);
    }

    Incident acknowledged(String by, Instant at) {
        return withStatus(Alert.Status.ACKNOWLEDGED, "acknowledged", by, at);
    }

    Incident resolved(String by, Instant at) {
        return withStatus(Alert.Status.RESOLVED, "resolved", by, at);
    }

    private Incident withStatus(Alert.Status st, String action, String by, Instant at) {
        List<Change> h = new ArrayList<>(history);
        h.add(new Change(action, by, at, null));
        // a resolved incident sends nothing still pending
        return new Incident(id, subjectKey, type, channels, aspect, product, subject, severity, peak, st,
                st == Alert.Status.ACKNOWLEDGED && owner == null ? by : owner, occurrences, h, comments, firstSeen,
                lastSeen, st == Alert.Status.RESOLVED ? null : notice, notifiedSeverity, deliveredAt);
    }

    Incident assigned(String to, String by, Instant at) {
        List<Change> h = new ArrayList<>(history);
        h.add(new Change("assigned", by, at, to));
        return new Incident(id, subjectKey, type, channels, aspect, product, subject, severity, peak, status,
                to == null || to.isBlank() ? null : to, occurrences, h, comments, firstSeen, lastSeen, notice,
                notifiedSeverity, deliveredAt);
    }

    Incident commented(String by, Instant at, String text) {
        List<Comment> c = new ArrayList<>(comments);
        c.add(new Comment(by, at, text));
        return new Incident(id, subjectKey, type, channels, aspect, product, subject, severity, peak, status, owner,
                occurrences, history, c, firstSeen, lastSeen, notice, notifiedSeverity, deliveredAt);
    }

    /** Claimed for delivery: the notice is taken, the severity it was for remembered. */
    Incident delivered(Instant at) {
        return new Incident(id, subjectKey, type, channels, aspect, product, subject, severity, peak, status, owner,
                occurrences, history, comments, firstSeen, lastSeen, null,
                notifiedSeverity == null ? severity : notifiedSeverity.max(severity), at);
    }

    /** A failed delivery gives its claim back: the notice is due again. */
    Incident undelivered(Notice n, Severity previouslyNotified) {
        return new Incident(id, subjectKey, type, channels, aspect, product, subject, severity, peak, status, owner,
                occurrences, history, comments, firstSeen, lastSeen, n, previouslyNotified, null);
    }

    public boolean due() {
        return notice != null && status != Alert.Status.RESOLVED;
    }

    public Occurrence latest() {
        return occurrences.get(occurrences.size() - 1);
    }

    public String latestPeriod() {
        return occurrences.isEmpty() ? "-" : latest().period();
    }

    public String firstPeriod() {
        return occurrences.isEmpty() ? "-" : occurrences.get(0).period();
    }

    /** Periods with an occurrence. */
    public int weeksActive() {
        return occurrences.size();
    }

    /** The alert ids of every occurrence. */
    public List<String> alertIds() {
        return occurrences.stream().map(Occurrence::alertId).collect(Collectors.toList());
    }

    /** The last occurrence at or before {@code period}, or null. */
    public Occurrence at(String period) {
        Occurrence found = null;
        for (Occurrence o : occurrences) {
            if (o.period().compareTo(period) <= 0) {
                found = o;
            }
        }
        return found;
    }

    /** Who last acknowledged or resolved, and when: for the alert views of older clients. */
    Change last(String action) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).action().equals(action)) {
                return history.get(i);
            }
        }
        return null;
    }
}
