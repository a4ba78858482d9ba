package io.koubei.analysis.signals.trend;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Something that happened to a product and may move word of mouth: recorded by people via API/UI.
 *
 * @param id      stable id (dedup key of its impact signal)
 * @param kind    launch, OTA, price change, other
 * @param product the product it concerns, or null for all
 * @param version the version it shipped (OTA), or null
 * @param at      when it happened
 * @param title   short human description, e.g. "OTA 3.2 推送"
 */
public record ProductEvent(String id, Kind kind, String product, String version, Instant at, String title) {
    public enum Kind {
        LAUNCH,
        OTA,
        PRICE_CHANGE,
        OTHER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ProductEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        title = title == null ? kind.wireName() : title;
    }
}
