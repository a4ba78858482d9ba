package io.koubei.ingest.format;

import static io.koubei.ingest.format.RecordDecoder.absent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What went wrong in one row: rejections (a required field is unusable), warnings (an optional field was normalised
 * or dropped), and the raw values of dropped fields, kept in {@code extra} so that nothing the file held is lost.
 */
final class RowProblems {
    private final String file;
    private final long line;
    private final ObjectMapper mapper;
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    /** Dropped optional fields and why, in case the row turns out to need them (a rating on a row without text). */
    private final List<Rejection> dropped = new ArrayList<>();

    RowProblems(String file, long line, ObjectMapper mapper) {
        this.file = file;
        this.line = line;
        this.mapper = mapper;
    }

    void add(String field, String reason) {
        rejections.add(new Rejection(file, line, field, reason));
    }

    void warn(String field, String message) {
        warnings.add(new Warning(file, line, field, message));
    }

    /** Drops an optional field whose meaning is unclear; its raw value is kept in {@code extra} under its path. */
    void drop(String field, String problem, JsonNode raw, Map<String, Object> extra) {
        // a top-level v1 name cannot be an extra key (the wire format would clash): title → title.raw
        String key = V1Fields.isKnownName(field) ? field + ".raw" : field;
        boolean kept = keepRaw(key, raw, extra);
        dropAs(field, problem, "dropped" + (kept ? " (kept in extra as " + key + ")" : ""));
    }

    /** Drops an optional field, saying what was done in {@code action}. */
    void dropAs(String field, String problem, String action) {
        dropped.add(new Rejection(file, line, field, problem));
        warn(field, problem + "; " + action);
    }

    /** Keeps a raw value in {@code extra} under {@code path}; false when there was none. */
    boolean keepRaw(String path, JsonNode raw, Map<String, Object> extra) {
        if (absent(raw)) {
            return false;
        }
        extra.put(path, toJava(raw));
        return true;
    }

    /** Members of a v1 object that format v1 does not know go to {@code extra} under a dotted name (author.gender). */
    void keepUnknown(ObjectNode o, String name, Map<String, Object> extra) {
        List<String> known = V1Fields.OBJECTS.get(name);
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!known.contains(e.getKey()) && !absent(e.getValue())) {
                extra.put(name + "." + e.getKey(), toJava(e.getValue()));
            }
        }
    }

    Object toJava(JsonNode n) {
        return mapper.treeToValue(n, Object.class);
    }

    /** Turns the drops of fields under {@code prefix} into rejections; true when there were any. */
    boolean rejectDropped(String prefix) {
        boolean any = false;
        for (Rejection r : dropped) {
            if (r.field().equals(prefix) || r.field().startsWith(prefix + ".")) {
                rejections.add(r);
                any = true;
            }
        }
        return any;
    }

    boolean any() {
        return !rejections.isEmpty();
    }

    List<Warning> warnings() {
        return warnings;
    }

    ParseResult result() {
        return new ParseResult.Invalid(line, rejections);
    }
}
