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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns signals into alerts and delivers them: rules (types, minimum severity), deduplication by the signal's
 * key, quiet hours and a per-target hourly limit. A delivery that fails or must wait stays pending and is retried
 * by {@link #deliverPending()}; nothing is dropped.
 */
public class AlertService {
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertRepository repository;
    private final AlertProperties props;
    private final List<AlertNotifier> notifiers;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    public AlertService(AlertRepository repository, AlertProperties props, List<AlertNotifier> notifiers, Clock clock,
            ZoneId zone) {
        this.repository = repository;
        this.props = props;
        this.notifiers = List.copyOf(notifiers);
        this.clock = clock;
        this.zone = zone;
    }

    /** Records the signals of a detector run; returns the alerts that are new or worse. */
    public synchronized List<Alert> receive(List<Signal> signals) {
        Instant now = clock.instant();
        List<Alert> changed = new ArrayList<>();
        for (Signal s : signals) {
            if (!props.getTypes().contains(s.type()) || s.severity().compareTo(props.getMinSeverity()) < 0
                    || (s.aspect() != null && props.getMutedAspects().contains(s.aspect()))) {
                continue;
            }
            String link = link(s);
            Optional<Alert> existing = repository.byDedupKey(s.dedupKey());
            if (existing.isEmpty()) {
                Alert a = Alert.open(UUID.nameUUIDFromBytes(s.dedupKey().getBytes(StandardCharsets.UTF_8)).toString(), s, link, now);
                repository.save(a);
                changed.add(a);
                // Spring Boot's registry is in the global one (docs/operations.md); a no-op without it
                Metrics.counter("koubei.alerts.opened", "type", s.type().name(), "severity", s.severity().name()).increment();
                continue;
            }
            Alert before = existing.get();
            Alert after = before.seenAgain(s, link, now);
            boolean worse = after.severity().compareTo(before.severity()) > 0 || before.status() == Alert.Status.RESOLVED;
            if (worse) {
                after = new Alert(after.id(), after.dedupKey(), after.type(), after.severity(), after.week(), after.day(),
                        after.channels(), after.aspect(), after.product(), after.title(), after.description(),
                        after.evidence(), after.link(), after.status(), after.firstSeen(), after.lastSeen(),
                        after.occurrences(), after.acknowledgedBy(), after.acknowledgedAt(), after.resolvedBy(),
                        after.resolvedAt(), null);
                changed.add(after);
                Metrics.counter("koubei.alerts.escalated", "type", s.type().name(), "severity", s.severity().name()).increment();
            }
            repository.save(after);
        }
        deliverPending();
        return changed;
    }

    /**
     * Delivers every open alert not yet delivered, unless quiet hours or the hourly limit say wait. Each alert is
     * claimed in the shared state before it is sent (marked delivered by a conditional write), so when several nodes
     * deliver at once each notification goes out once; a delivery that fails gives its claim back for the next try.
     */
    public synchronized int deliverPending() {
        int delivered = 0;
        for (Alert a : repository.all()) {
            if (!due(a)) {
                continue;
            }
            if (quietNow() && a.severity() != Severity.CRITICAL) {
                continue;
            }
            Instant claimedAt = clock.instant();
            if (!repository.claim(a.id(), this::due, x -> x.delivered(claimedAt))) {
                continue; // another node delivers it, or it changed meanwhile
            }
            String text = AlertText.of(a, props.getBaseUrl());
            boolean allOk = true;
            for (AlertNotifier n : notifiers) {
                if (!allowed(n.name())) {
                    allOk = false;
                    continue;
                }
                try {
                    n.send(a, text);
                    sent.computeIfAbsent(n.name(), k -> new ArrayDeque<>()).add(clock.instant());
                    Metrics.counter("koubei.notifications", "channel", channel(n), "outcome", "sent").increment();
                } catch (RuntimeException e) {
                    allOk = false;
                    Metrics.counter("koubei.notifications", "channel", channel(n), "outcome", "failed").increment();
                    log.warn("Alert {} not delivered to {}: {}", a.id(), n.name(), e.getMessage());
                }
            }
            if (allOk) {
                delivered++;
            } else {
                repository.update(a.id(), x -> claimedAt.equals(x.deliveredAt()) ? x.delivered(null) : x);
            }
        }
        return delivered;
    }

    /** The kind of target (dingtalk, feishu, email…): its name without the host or the recipients. */
    private static String channel(AlertNotifier n) {
        String name = n.name();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private boolean due(Alert a) {
        return a.deliveredAt() == null && a.status() == Alert.Status.OPEN;
    }

    public Alert acknowledge(String id, String user) {
        return update(id, a -> a.acknowledged(user, clock.instant()));
    }

    public Alert resolve(String id, String user) {
        return update(id, a -> a.resolved(user, clock.instant()));
    }

    private Alert update(String id, java.util.function.UnaryOperator<Alert> change) {
        return repository.update(id, change).orElseThrow(() -> new java.util.NoSuchElementException("no alert " + id));
    }

    public List<Alert> list(Alert.Status status) {
        return repository.all().stream().filter(a -> status == null || a.status() == status).toList();
    }

    public Optional<Alert> get(String id) {
        return repository.get(id);
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
        return switch (dimension) {
            case "aspect_polarity" -> "aspectPolarity";
            case "product_version" -> "version";
            case "nps_class" -> "nps";
            default -> dimension;
        };
    }
}
