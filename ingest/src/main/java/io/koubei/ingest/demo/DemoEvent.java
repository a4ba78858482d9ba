package io.koubei.ingest.demo;

import java.time.Instant;

/**
 * A release or market event (launch, OTA version, price change) that release-aware metrics compare around.
 *
 * @param type    {@code launch}, {@code ota} or {@code price_change}
 * @param name    human-readable name
 * @param product product id
 * @param version product version it introduces (null for price changes)
 * @param at      when it happened
 */
public record DemoEvent(String type, String name, String product, String version, Instant at) {
}
