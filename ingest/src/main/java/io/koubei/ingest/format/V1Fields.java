package io.koubei.ingest.format;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Field names of interchange format v1, and how flat (CSV/XLSX) column names map onto them. */
public final class V1Fields {

    /** Top-level scalar fields. */
    public static final List<String> TOP_LEVEL = List.of("id", "source", "channel", "externalId", "createdAt", "text",
            "title", "lang", "product", "productVersion", "url", "replyTo", "tags");

    /** Object fields and their known members ({@code fields} takes any key). */
    public static final Map<String, List<String>> OBJECTS = Map.of(
            "author", List.of("id", "name", "followers", "registeredAt", "level", "verified", "official"),
            "rating", List.of("scale", "value"),
            "interactions", List.of("likes", "reposts", "replies"),
            "ticket", List.of("status", "firstResponseAt", "resolvedAt"),
            "fields", List.of());

    private static final Map<String, String> CANONICAL = new TreeMap<>();

    static {
        TOP_LEVEL.forEach(f -> CANONICAL.put(f.toLowerCase(Locale.ROOT), f));
        OBJECTS.forEach((o, members) -> members.forEach(m -> CANONICAL.put((o + "." + m).toLowerCase(Locale.ROOT), o + "." + m)));
    }

    private V1Fields() {
    }

    public static boolean isKnownName(String name) {
        return TOP_LEVEL.contains(name) || OBJECTS.containsKey(name);
    }

    public static Set<String> objectNames() {
        return OBJECTS.keySet();
    }

    /**
     * The v1 path for a column header, matched case-insensitively ({@code Author.ID} → {@code author.id});
     * {@code fields.<key>} keeps its key verbatim. Empty when the header is not a v1 field.
     */
    public static Optional<String> canonicalPath(String header) {
        String h = header.trim();
        String known = CANONICAL.get(h.toLowerCase(Locale.ROOT));
        if (known != null) {
            return Optional.of(known);
        }
        int dot = h.indexOf('.');
        if (dot > 0 && h.substring(0, dot).equalsIgnoreCase("fields") && dot < h.length() - 1) {
            return Optional.of("fields." + h.substring(dot + 1));
        }
        return Optional.empty();
    }
}
