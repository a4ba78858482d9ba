package io.koubei.ingest.connect;

import java.time.Duration;

/** A page could not be read. The kind decides what the runner does; the message is shown as the source's error. */
public class ConnectorException extends Exception {

    public enum Kind {
        /** Credentials missing, invalid or expired (401, 403): not retried, the cursor stays where it was. */
        AUTH,
        /** The vendor asked to slow down (429, or a rate-limit 403): retried after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** Network trouble, time-outs, 5xx: retried with exponential backoff. */
        TRANSIENT,
        /** Anything a retry cannot fix (404, a body that is not the documented format): not retried. */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ConnectorException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public ConnectorException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How long the vendor asked to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.TRANSIENT;
    }
}
