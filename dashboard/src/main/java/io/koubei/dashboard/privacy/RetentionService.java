package io.koubei.dashboard.privacy;

import io.koubei.core.feedback.Channel;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deletes items older than their channel's or source's retention period, and writes what it deleted to the audit log. */
public class RetentionService {
    private static final int CHUNK = 5_000;

    private final FeedbackStore store;
    private final AuditLog audit;
    private final Map<String, Duration> rules;

    public RetentionService(FeedbackStore store, AuditLog audit, Map<String, Duration> rules) {
        this.store = store;
        this.audit = audit;
        this.rules = Map.copyOf(rules);
        rules.forEach((k, d) -> {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("koubei.retention." + k + ": a positive ISO-8601 duration, e.g. P365D");
            }
        });
    }

    /** Applies every rule as of {@code now}; returns items deleted per rule key. */
    public Map<String, Long> apply(Instant now) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Map.Entry<String, Duration> rule : rules.entrySet()) {
            Instant before = now.minus(rule.getValue());
            FeedbackFilter.Builder f = FeedbackFilter.builder().to(before);
            var channel = Channel.fromWire(rule.getKey());
            if (channel.isPresent()) {
                f.channels(Set.of(channel.get()));
            } else {
                f.sources(Set.of(rule.getKey()));
            }
            List<String> ids = new ArrayList<>();
            store.scan(f.build(), item -> ids.add(item.id()));
            long n = 0;
            for (int i = 0; i < ids.size(); i += CHUNK) {
                n += store.delete(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
            }
            deleted.put(rule.getKey(), n);
            if (n > 0) {
                audit.record("system", "retention.delete", (channel.isPresent() ? "channel=" : "source=") + rule.getKey(),
                        n + " items created before " + before + " (" + rule.getValue() + ")");
            }
        }
        return deleted;
    }
}
