package io.koubei.core.feedback;

import java.time.Instant;

/** Lifecycle facts of a support ticket, as exported by the ticket system. */
public record TicketInfo(String status, Instant firstResponseAt, Instant resolvedAt) {
}
