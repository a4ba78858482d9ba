package io.koubei.store.json;

import io.koubei.core.feedback.AnalyzedFeedback;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an item: the whole {@link AnalyzedFeedback} as JSON, so a store can return exactly what it
 * was given. Instants keep their nanoseconds (ISO-8601 strings); {@code extra} values come back as Jackson's
 * natural types (Integer/Long/Double/String/Boolean/List/Map), which is also how the ingest parsers produce them.
 */
public final class FeedbackJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // derived accessors (id(), authorId(), …) are not record components: ignore them if ever written
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // absent optional fields are simply left out: smaller blobs, same records on reading
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private FeedbackJson() {
    }

    public static byte[] toBytes(AnalyzedFeedback feedback) {
        try {
            return MAPPER.writeValueAsBytes(feedback);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot serialise feedback " + feedback.id() + ": " + e.getMessage(), e);
        }
    }

    public static String toJson(AnalyzedFeedback feedback) {
        return new String(toBytes(feedback), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static AnalyzedFeedback fromBytes(byte[] bytes, int offset, int length) {
        try {
            return MAPPER.readValue(bytes, offset, length, AnalyzedFeedback.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored feedback is not readable JSON: " + e.getMessage(), e);
        }
    }

    public static AnalyzedFeedback fromJson(String json) {
        byte[] b = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return fromBytes(b, 0, b.length);
    }
}
