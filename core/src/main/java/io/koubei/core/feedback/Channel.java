package io.koubei.core.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of touchpoint an item came from. Each maps to the department that usually watches it. */
public enum Channel {
    COMMUNITY("product"),
    SOCIAL("pr"),
    REVIEW("product"),
    SURVEY("product"),
    TICKET("service"),
    SALES("sales"),
    QC("quality");

    private final String department;

    Channel(String department) {
        this.department = department;
    }

    /** Wire name used in format v1 and in stores: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String department() {
        return department;
    }

    public static Optional<Channel> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(v)).findFirst();
    }
}
