package io.koubei.ingest.connect;

import java.net.URI;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers for connectors: parse a vendor body, read optional members, build v1 records and cursors. */
public final class ConnectorJson {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ConnectorJson() {
    }

    /** The body as JSON; a body that is not JSON is a permanent error naming the URL. */
    public static JsonNode parse(String body, URI from) throws ConnectorException {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, "the answer of " + HttpFetcher.where(from)
                    + " is not JSON: " + e.getOriginalMessage(), null, e);
        }
    }

    /** The text at a path of member names, or null when absent, null or not a value. */
    public static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null) {
                return null;
            }
            n = n.get(p);
        }
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asString();
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts the value unless it is null or blank. */
    public static void putText(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value);
        }
    }

    /** Reads a cursor written by {@link #cursor}; null or unreadable (a cursor from another connector type) gives an empty object. */
    public static ObjectNode readCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return object();
        }
        try {
            JsonNode n = MAPPER.readTree(cursor);
            return n instanceof ObjectNode o ? o : object();
        } catch (JacksonException e) {
            return object();
        }
    }

    public static String cursor(ObjectNode state) {
        return MAPPER.writeValueAsString(state);
    }
}
