package io.koubei.core.bus;

import java.time.Instant;

/** An item the pipeline could not process: its id (if known), the raw payload and why. */
public record DeadLetter(String itemId, String payload, String error, Instant at) {
}
