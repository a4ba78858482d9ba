package io.koubei.core.bus;

/**
 * Acknowledgement of a publish. {@code stored} is true when the items are already in the store (in-process
 * bus); then {@code created}/{@code updated}/{@code failed} are final. On Kafka they are only queued.
 */
public record PublishReceipt(int accepted, boolean stored, int created, int updated, int failed) {
}
