package io.koubei.core.feedback;

import java.time.Instant;

/** Who wrote an item. Every field is optional; {@code official} marks the company's own accounts. */
public record Author(
        String id,
        String name,
        Integer followers,
        Instant registeredAt,
        Integer level,
        Boolean verified,
        Boolean official) {

    public boolean officialAccount() {
        return Boolean.TRUE.equals(official);
    }
}
