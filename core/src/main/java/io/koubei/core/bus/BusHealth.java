package io.koubei.core.bus;

/** Bus status for the health endpoint: up, how much is waiting, how much went to the dead-letter queue. */
public record BusHealth(String backend, boolean up, long pending, long deadLetters, String detail) {
}
