package io.koubei.ingest.format;

/** A mapping.yml that cannot be used, or a file whose header does not fit it; the message says what to fix. */
public class MappingException extends IllegalArgumentException {
    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
