package io.koubei.analysis.speed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle events per item, tolerant of real feeds: a duplicate (same {@link LifecycleEvent#key()}) is counted and
 * ignored; an event older than one already recorded for its item is accepted, counted as out of order, and the
 * item's state is computed from its events sorted by time, so arrival order never changes the result.
 */
public final class LifecycleLog {
    private final Map<String, List<LifecycleEvent>> byItem = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    /** What {@link #add} did with one event. */
    public enum Outcome { ACCEPTED, OUT_OF_ORDER, DUPLICATE }

    public Outcome add(LifecycleEvent e) {
        if (!seen.add(e.key())) {
            return Outcome.DUPLICATE;
        }
        List<LifecycleEvent> list = byItem.computeIfAbsent(e.itemId(), k -> new ArrayList<>());
        boolean late = list.stream().anyMatch(x -> x.at().isAfter(e.at()));
        list.add(e);
        return late ? Outcome.OUT_OF_ORDER : Outcome.ACCEPTED;
    }

    /** Forgets every event of these items (erasure on request). */
    public void remove(Set<String> itemIds) {
        for (String id : itemIds) {
            List<LifecycleEvent> gone = byItem.remove(id);
            if (gone != null) {
                gone.forEach(e -> seen.remove(e.key()));
            }
        }
    }

    public Set<String> itemIds() {
        return byItem.keySet();
    }

    public int size() {
        return seen.size();
    }

    /** The folded state of one item, or {@link State#NONE}. */
    public State state(String itemId) {
        List<LifecycleEvent> list = byItem.get(itemId);
        if (list == null) {
            return State.NONE;
        }
        List<LifecycleEvent> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(LifecycleEvent::at).thenComparing(ev -> ev.type().ordinal()));
        Instant opened = null, firstReply = null, resolved = null;
        String department = null, agent = null, channel = null, product = null;
        boolean anomaly = false, reopened = false;
        for (LifecycleEvent ev : sorted) {
            anomaly |= ev.anomaly();
            if (ev.department() != null) department = ev.department();
            if (ev.agent() != null && ev.type() != LifecycleEvent.Type.OPENED) agent = ev.agent();
            if (ev.channel() != null) channel = ev.channel();
            if (ev.product() != null) product = ev.product();
            switch (ev.type()) {
                case OPENED -> opened = opened == null ? ev.at() : opened;
                case ASSIGNED -> { }
                case REPLIED -> firstReply = firstReply == null ? ev.at() : firstReply;
                case RESOLVED -> resolved = ev.at();
                case REOPENED -> { resolved = null; reopened = true; }
            }
        }
        return new State(true, opened, firstReply, resolved, reopened, department, agent, anomaly, channel, product);
    }

    /** An item's lifecycle folded in time order; {@code resolvedAt} is null again after a reopen. */
    public record State(boolean present, Instant openedAt, Instant firstReplyAt, Instant resolvedAt, boolean reopened,
            String department, String agent, boolean anomaly, String channel, String product) {
        public static final State NONE = new State(false, null, null, null, false, null, null, false, null, null);
    }

    /** True when the item has resolved or reopened events (they then decide its resolution). */
    public boolean decidesResolution(String itemId) {
        return byItem.getOrDefault(itemId, List.of()).stream()
                .anyMatch(e -> e.type() == LifecycleEvent.Type.RESOLVED || e.type() == LifecycleEvent.Type.REOPENED);
    }

    public Map<String, Integer> countsByType() {
        Map<String, Integer> m = new HashMap<>();
        byItem.values().forEach(l -> l.forEach(e -> m.merge(e.type().wireName(), 1, Integer::sum)));
        return m;
    }
}
