package io.koubei.analysis.speed;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One step in the life of a post, ticket or anomaly case (docs/speed.md, "Events format").
 *
 * @param eventId  the sender's id; events with the same id are duplicates. When absent, {@link #key()} uses the content
 * @param itemId   the feedback item (or case) it is about
 * @param anomaly  marks the case as a (cross-department) anomaly, measured against the one-hour clock
 * @param channel  for cases that are not feedback items (e.g. an anomaly opened by hand): their channel, else null
 * @param product  likewise, the product, else null
 */
public record LifecycleEvent(String eventId, String itemId, Type type, Instant at, String department, String agent,
        boolean anomaly, String channel, String product, String note) {

    public enum Type {
        OPENED, ASSIGNED, REPLIED, RESOLVED, REOPENED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type fromWire(String s) {
            for (Type t : values()) {
                if (t.wireName().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("type: unknown '" + s + "' (expected opened, assigned, replied, resolved or reopened)");
        }
    }

    public LifecycleEvent {
        if (itemId == null || itemId.isBlank()) {
            throw new IllegalArgumentException("itemId is required");
        }
        Objects.requireNonNull(type, "type is required");
        Objects.requireNonNull(at, "at is required");
    }

    /** Identity for duplicate detection. */
    public String key() {
        return eventId != null && !eventId.isBlank() ? "id:" + eventId
                : String.join("|", itemId, type.name(), at.toString(), String.valueOf(department), String.valueOf(agent));
    }
}
