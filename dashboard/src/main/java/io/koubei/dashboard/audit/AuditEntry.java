package io.koubei.dashboard.audit;

import java.time.Instant;

/**
 * One thing somebody did: who ({@code actor}: a user name, {@code token:<name>}, or {@code system}), when, what
 * ({@code action}, a dotted word such as {@code alert.acknowledge}), to what ({@code target}), with a short detail,
 * from which address (null for scheduled work).
 */
public record AuditEntry(String id, Instant at, String actor, String action, String target, String detail, String address) {
}
