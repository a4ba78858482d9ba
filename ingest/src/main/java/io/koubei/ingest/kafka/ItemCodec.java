package io.koubei.ingest.kafka;

import io.koubei.core.feedback.FeedbackItem;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The record value on the topic: one feedback item as JSON (format v1 field names, lower-case enum wire names).
 * Kept package-private and small so it can delegate to the ingest module's format codec once that lands.
 */
final class ItemCodec {
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    String toJson(FeedbackItem item) {
        return mapper.writeValueAsString(item);
    }

    /** @throws IllegalArgumentException with the reason when the payload is not a valid item */
    FeedbackItem fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("empty payload");
        }
        try {
            return mapper.readValue(json, FeedbackItem.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a feedback item (format v1 JSON): " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Jackson appends the whole source location; the first line says what is wrong.
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
