package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.micrometer.core.instrument.Metrics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns signals into alerts and incidents and notifies people: rules (types, minimum severity, muted aspects), one
 * alert per finding and week (the signal's dedup key), one {@link Incident} per subject over the weeks, quiet hours and
 * a per-target hourly limit. A notification goes out when an incident opens, escalates or reopens, not every week it
 * persists; one that fails or must wait stays pending and is retried by {@link #deliverPending()}; nothing is dropped.
 */
public class AlertService {
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertRepository repository;
    private final AlertProperties props;
    private final List<AlertNotifier> notifiers;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Deque<Instant>> sent = new HashMap<>();
    private final IncidentRepository incidents;
    private final IncidentNames names;

    public AlertService(AlertRepository repository, AlertProperties props, List<AlertNotifier> notifiers, Clock clock,
            ZoneId zone) {
        this(repository, props, notifiers, clock, zone, IncidentNames.IDS);
    }

    /** @param names display names for titles and sentences (the application's {@code web.Labels}) */
    public AlertService(AlertRepository repository, AlertProperties props, List<AlertNotifier> notifiers, Clock clock,
            ZoneId zone, IncidentNames names) {
        this.repository = repository;
        this.incidents = repository.incidents();
        this.props = props;
        this.notifiers = List.copyOf(notifiers);
        this.clock = clock;
        this.zone = zone;
        this.names = names;
        migrate();
    }

    /**
     * Records the signals of a detector run and sends the notifications now due; returns the alerts that opened,
     * escalated or reopened an incident (a subject that persists at the same severity is not among them).
     */
    public synchronized List<Alert> receive(List<Signal> signals) {
        List<Alert> changed = record(signals);
        deliverPending();
        return changed;
    }

    /**
     * Records the signals without delivering: each is the week's alert (same dedup key → same alert) and one
     * occurrence of its subject's incident.
     */
    synchronized List<Alert> record(List<Signal> signals) {
        Instant now = clock.instant();
        List<Alert> changed = new ArrayList<>();
        for (Signal s : signals) {
            if (!props.getTypes().contains(s.type()) || s.severity().compareTo(props.getMinSeverity()) < 0
                    || (s.aspect() != null && props.getMutedAspects().contains(s.aspect()))) {
                continue;
            }
            String link = link(s);
            Alert alert = repository.byDedupKey(s.dedupKey()).map(a -> a.seenAgain(s, link, now))
                    .orElseGet(() -> Alert.open(AlertRepository.idOf(s.dedupKey()), s, link, now));
            repository.save(alert);
            Incident[] before = new Incident[1];
            Incident after = incidents.update(Incident.idOf(Incident.subjectKey(s)), cur -> {
                before[0] = cur;
                return cur == null ? Incident.open(s, alert.id(), link, now) : cur.seen(s, alert.id(), link, now);
            }).orElseThrow();
            if (before[0] == null) {
                // Spring Boot's registry is in the global one (docs/operations.md); a no-op without it
                Metrics.counter("koubei.alerts.opened", "type", s.type().name(), "severity", s.severity().name()).increment();
                changed.add(withIncident(alert, after));
            } else if (after.notice() != null && after.notice() != before[0].notice()) {
                Metrics.counter("koubei.alerts.escalated", "type", s.type().name(), "severity", s.severity().name()).increment();
                changed.add(withIncident(alert, after));
            }
        }
        return changed;
    }

    /**
     * Sends every incident notification that is due (opened, escalated, reopened), unless quiet hours or the hourly
     * limit say wait. Each incident is claimed in the shared state before it is sent (its notice taken by a conditional
     * write), so when several nodes deliver at once each notification goes out once; a delivery that fails gives its
     * claim back for the next try.
     */
    public synchronized int deliverPending() {
        int delivered = 0;
        List<Incident> all = incidents.all();
        String newest = newestWeek(all);
        for (Incident i : all) {
            if (!i.due()) {
                continue;
            }
            if (quietNow() && i.severity() != Severity.CRITICAL) {
                continue;
            }
            Instant claimedAt = clock.instant();
            Incident[] claimed = new Incident[1];
            if (!incidents.claim(i.id(), Incident::due, x -> {
                claimed[0] = x;
                return x.delivered(claimedAt);
            })) {
                continue; // another node delivers it, or it changed meanwhile
            }
            Incident due = claimed[0];
            String text = IncidentText.notification(due, props.notificationLocale(), names,
                    IncidentView.trend(due, newest), props.getBaseUrl());
            Alert about = notified(due);
            boolean allOk = true;
            for (AlertNotifier n : notifiers) {
                if (!allowed(n.name())) {
                    allOk = false;
                    continue;
                }
                try {
                    n.send(about, text);
                    sent.computeIfAbsent(n.name(), k -> new ArrayDeque<>()).add(clock.instant());
                    Metrics.counter("koubei.notifications", "channel", channel(n), "outcome", "sent").increment();
                } catch (RuntimeException e) {
                    allOk = false;
                    Metrics.counter("koubei.notifications", "channel", channel(n), "outcome", "failed").increment();
                    log.warn("Incident {} not delivered to {}: {}", due.id(), n.name(), e.getMessage());
                }
            }
            if (allOk) {
                delivered++;
            } else {
                incidents.update(due.id(), x -> x != null && claimedAt.equals(x.deliveredAt()) && x.notice() == null
                        ? x.undelivered(due.notice(), due.notifiedSeverity()) : x);
            }
        }
        return delivered;
    }

    /** The incident's latest alert, titled by the incident (display names), for the targets that show one. */
    private Alert notified(Incident i) {
        Alert a = repository.get(i.latest().alertId()).orElse(null);
        String title = IncidentText.title(i, props.notificationLocale(), names);
        if (a == null) {
            return new Alert(i.latest().alertId(), null, i.type(), i.severity(), i.latestPeriod(), null, i.channels(),
                    i.aspect(), i.product(), title, "", null, i.latest().link(), i.status(), i.firstSeen(), i.lastSeen(),
                    1, null, null, null, null, i.deliveredAt());
        }
        Alert o = withIncident(a, i);
        return new Alert(o.id(), o.dedupKey(), o.type(), i.severity(), o.week(), o.day(), o.channels(), o.aspect(),
                o.product(), title, o.description(), o.evidence(), o.link(), o.status(), o.firstSeen(), o.lastSeen(),
                o.occurrences(), o.acknowledgedBy(), o.acknowledgedAt(), o.resolvedBy(), o.resolvedAt(), o.deliveredAt());
    }

    /** The kind of target (dingtalk, feishu, email…): its name without the host or the recipients. */
    private static String channel(AlertNotifier n) {
        String name = n.name();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** Acknowledges an incident (by its id, or the id of one of its alerts); the first to acknowledge owns it. */
    public Incident acknowledge(String id, String user) {
        return update(id, i -> i.acknowledged(user, clock.instant()));
    }

    public Incident resolve(String id, String user) {
        return update(id, i -> i.resolved(user, clock.instant()));
    }

    /** Gives an incident an owner (blank: nobody). */
    public Incident assign(String id, String owner, String by) {
        String o = owner == null ? null : owner.strip();
        if (o != null && (o.length() > 80 || o.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("owner: at most 80 characters, no control characters");
        }
        return update(id, i -> i.assigned(o, by, clock.instant()));
    }

    public Incident comment(String id, String by, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 2000) {
            throw new IllegalArgumentException("comment: 1 to 2000 characters");
        }
        return update(id, i -> i.commented(by, clock.instant(), t));
    }

    private Incident update(String id, java.util.function.UnaryOperator<Incident> change) {
        String incidentId = incidentIdOf(id).orElseThrow(() -> new java.util.NoSuchElementException("no incident " + id));
        return incidents.update(incidentId, i -> i == null ? null : change.apply(i))
                .orElseThrow(() -> new java.util.NoSuchElementException("no incident " + id));
    }

    /** An incident's id, or the id of the incident an alert belongs to. */
    private Optional<String> incidentIdOf(String id) {
        if (id.startsWith("inc-")) {
            return Optional.of(id);
        }
        return repository.get(id).map(a -> Incident.idOf(Incident.subjectKeyOf(a.dedupKey())));
    }

    /** The weekly alerts with their incident's status (an alert has no lifecycle of its own any more). */
    public List<Alert> list(Alert.Status status) {
        Map<String, Incident> byId = new HashMap<>();
        incidents.all().forEach(i -> byId.put(i.id(), i));
        return repository.all().stream().map(a -> withIncident(a, byId.get(Incident.idOf(Incident.subjectKeyOf(a.dedupKey())))))
                .filter(a -> status == null || a.status() == status).toList();
    }

    public Optional<Alert> get(String id) {
        return repository.get(id).map(a -> withIncident(a,
                incidents.get(Incident.idOf(Incident.subjectKeyOf(a.dedupKey()))).orElse(null)));
    }

    /** Incidents, in no particular order; {@link #views} ranks them. */
    public List<Incident> incidents(Alert.Status status) {
        return incidents.all().stream().filter(i -> status == null || i.status() == status).toList();
    }

    /** An incident by its id or by the id of one of its alerts. */
    public Optional<Incident> incident(String id) {
        return incidentIdOf(id).flatMap(incidents::get);
    }

    /** The incidents as a reader sees them in a language, ranked by severity × recency × size. */
    public List<IncidentView> views(List<Incident> list, Locale locale) {
        String newest = newestWeek(incidents.all());
        return list.stream().map(i -> IncidentView.of(i, locale, names, newest)).sorted(IncidentView.ORDER).toList();
    }

    public IncidentView view(Incident i, Locale locale) {
        return IncidentView.of(i, locale, names, newestWeek(incidents.all()));
    }

    static String newestWeek(List<Incident> all) {
        return all.stream().map(Incident::latestPeriod).filter(p -> p.matches("\\d{4}-W\\d{2}"))
                .max(String::compareTo).orElse(null);
    }

    private static Alert withIncident(Alert a, Incident i) {
        if (i == null) {
            return a;
        }
        Incident.Change ack = i.last("acknowledged");
        Incident.Change res = i.status() == Alert.Status.RESOLVED ? i.last("resolved") : null;
        return new Alert(a.id(), a.dedupKey(), a.type(), a.severity(), a.week(), a.day(), a.channels(), a.aspect(),
                a.product(), a.title(), a.description(), a.evidence(), a.link(), i.status(), a.firstSeen(), a.lastSeen(),
                a.occurrences(), i.status() == Alert.Status.OPEN || ack == null ? null : ack.by(),
                i.status() == Alert.Status.OPEN || ack == null ? null : ack.at(), res == null ? null : res.by(),
                res == null ? null : res.at(), i.deliveredAt());
    }

    /**
     * Alerts of an older version, before incidents: each folded into its subject's incident once (the incidents
     * collection still empty), with the status of its latest alert and nothing left to notify.
     */
    private void migrate() {
        if (!incidents.all().isEmpty()) {
            return;
        }
        List<Alert> old = new ArrayList<>(repository.all());
        if (old.isEmpty()) {
            return;
        }
        old.sort(java.util.Comparator.comparing((Alert a) -> a.week() == null ? "" : a.week()).thenComparing(Alert::lastSeen));
        Map<String, Alert.Status> lastStatus = new HashMap<>();
        for (Alert a : old) {
            Signal s = signalOf(a);
            String id = Incident.idOf(Incident.subjectKey(s));
            incidents.update(id, cur -> cur == null ? Incident.open(s, a.id(), a.link(), a.lastSeen())
                    : cur.seen(s, a.id(), a.link(), a.lastSeen()));
            lastStatus.put(id, a.status());
        }
        lastStatus.forEach((id, st) -> incidents.update(id, i -> i == null ? null : i.migrated(st)));
        log.info("Moved {} alerts into {} incidents", old.size(), lastStatus.size());
    }

    private static Signal signalOf(Alert a) {
        String[] parts = a.dedupKey().split("\\|", -1);
        String subject = parts.length == 7 && !parts[6].equals("-") ? parts[6] : null;
        List<io.koubei.core.feedback.Channel> channels = a.channels() == null ? List.of() : a.channels().stream()
                .map(io.koubei.core.feedback.Channel::fromWire).flatMap(Optional::stream).toList();
        return new Signal(a.type(), a.severity(), a.week(), a.day(), channels, a.aspect(), a.product(), subject,
                a.title(), a.description(), a.evidence(), a.dedupKey());
    }

    boolean quietNow() {
        if (props.getQuietFrom() == null || props.getQuietTo() == null || props.getQuietFrom().isBlank()) {
            return false;
        }
        LocalTime from = LocalTime.parse(props.getQuietFrom());
        LocalTime to = LocalTime.parse(props.getQuietTo());
        LocalTime now = clock.instant().atZone(zone).toLocalTime();
        return from.isBefore(to) ? !now.isBefore(from) && now.isBefore(to) : !now.isBefore(from) || now.isBefore(to);
    }

    private boolean allowed(String target) {
        Deque<Instant> q = sent.computeIfAbsent(target, k -> new ArrayDeque<>());
        Instant cutoff = clock.instant().minus(Duration.ofHours(1));
        while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
            q.pollFirst();
        }
        return q.size() < props.getMaxPerHour();
    }

    /** The dashboard view behind a signal: the search filtered by its drill-down values. */
    static String link(Signal s) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        s.evidence().drillDown().forEach((dim, value) -> params.put(param(dim), value));
        if (s.week() != null) {
            params.putIfAbsent("week", s.week());
        }
        return "/search?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String param(String dimension) {
        return io.koubei.core.store.FilterField.paramOfDrillDown(dimension);
    }
}
