package io.koubei.core.store;

/** The backend cannot serve now (down, overloaded, read-only). Callers retry with backoff; nothing is dropped. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
