package io.koubei.core.store;

/** Result of a cheap health check, shown by the health endpoint. */
public record StoreHealth(String backend, boolean up, String detail) {
}
