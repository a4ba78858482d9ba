package io.koubei.ingest.format;

import io.koubei.core.feedback.FeedbackItem;
import java.util.List;

/** One row of an input: either a valid item or the reasons it was rejected, always with its line or row number. */
public sealed interface ParseResult permits ParseResult.Valid, ParseResult.Invalid {

    long line();

    default boolean valid() {
        return this instanceof Valid;
    }

    /**
     * An accepted row. {@code warnings} name the optional fields that were normalised or dropped on the way (empty
     * when every field was read exactly).
     */
    record Valid(long line, FeedbackItem item, List<Warning> warnings) implements ParseResult {
        public Valid {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public Valid(long line, FeedbackItem item) {
            this(line, item, List.of());
        }
    }

    /** A rejected row; {@code rejections} holds every problem found in it (at least one). */
    record Invalid(long line, List<Rejection> rejections) implements ParseResult {
        public Invalid {
            if (rejections == null || rejections.isEmpty()) {
                throw new IllegalArgumentException("a rejected row needs at least one reason");
            }
            rejections = List.copyOf(rejections);
        }

        /** All reasons on one line, for logs and API responses. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (Rejection r : rejections) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(r);
            }
            return sb.toString();
        }
    }
}
