package io.koubei.ingest.connect;

/** {@code sources.yml} cannot be used as written: the message names the file, the source and the key. */
public class SourcesFileException extends IllegalArgumentException {

    public SourcesFileException(String file, String source, String key, String what) {
        super(file + (source == null ? "" : ": source '" + source + "'") + (key == null ? "" : ": " + key) + ": " + what);
    }

    public SourcesFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
