package io.koubei.core.state;

/** The document changed since it was read (another node or thread wrote it): read again and retry. */
public class VersionConflictException extends RuntimeException {
    public VersionConflictException(String message) {
        super(message);
    }
}
