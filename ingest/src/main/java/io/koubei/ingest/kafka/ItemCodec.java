package io.koubei.ingest.kafka;

import io.koubei.core.feedback.FeedbackItem;
import io.koubei.ingest.format.FeedbackJsonCodec;

/**
 * The record value on the topic: one feedback item as format v1 JSON, so any producer that writes format v1 can
 * feed the bus. Parsing validates like the file readers do; a bad payload says every reason.
 */
final class ItemCodec {
    private final FeedbackJsonCodec format = new FeedbackJsonCodec();

    String toJson(FeedbackItem item) {
        return format.toJson(item);
    }

    /** @throws IllegalArgumentException with the reasons when the payload is not a valid format v1 item */
    FeedbackItem fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("empty payload");
        }
        try {
            return format.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a format v1 feedback item: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a format v1 feedback item: " + e, e);
        }
    }
}
