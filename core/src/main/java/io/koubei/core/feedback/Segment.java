package io.koubei.core.feedback;

import java.util.Locale;

/** Core users (enthusiasts) give opinion points; mass users give the impression. */
public enum Segment {
    CORE,
    MASS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
