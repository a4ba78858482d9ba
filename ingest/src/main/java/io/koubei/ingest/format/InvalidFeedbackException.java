package io.koubei.ingest.format;

import java.util.List;
import java.util.stream.Collectors;

/** A payload that is not a valid format v1 item; the message lists every reason. */
public class InvalidFeedbackException extends IllegalArgumentException {

    private final List<Rejection> rejections;

    public InvalidFeedbackException(List<Rejection> rejections) {
        super(rejections.stream().map(Rejection::toString).collect(Collectors.joining("; ")));
        this.rejections = List.copyOf(rejections);
    }

    public List<Rejection> rejections() {
        return rejections;
    }
}
