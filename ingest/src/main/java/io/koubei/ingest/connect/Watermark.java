package io.koubei.ingest.connect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The newest time a source was read up to, and the ids seen at exactly that time: an item is new when it is later,
 * or as late but not among those ids. So items that share a timestamp with the cursor are neither lost nor read twice.
 */
public record Watermark(Instant since, List<String> ids) {
    public static final Watermark NONE = new Watermark(null, List.of());

    public Watermark {
        ids = List.copyOf(ids);
    }

    public boolean isNew(Instant at, String id) {
        return since == null || at.isAfter(since) || (at.equals(since) && !ids.contains(id));
    }

    /** This watermark moved up to include the item. */
    public Watermark advance(Instant at, String id) {
        if (since == null || at.isAfter(since)) {
            return new Watermark(at, List.of(id));
        }
        if (at.equals(since) && !ids.contains(id)) {
            List<String> more = new ArrayList<>(ids);
            more.add(id);
            return new Watermark(since, more);
        }
        return this;
    }

    /** The later of the two. */
    public Watermark max(Watermark other) {
        if (other.since == null) {
            return this;
        }
        if (since == null || other.since.isAfter(since)) {
            return other;
        }
        if (other.since.equals(since)) {
            Watermark w = this;
            for (String id : other.ids) {
                w = w.advance(since, id);
            }
            return w;
        }
        return this;
    }

    public void writeTo(ObjectNode o, String field) {
        if (since == null) {
            o.remove(field);
            return;
        }
        ObjectNode w = o.putObject(field);
        w.put("since", since.toString());
        ArrayNode a = w.putArray("ids");
        ids.forEach(a::add);
    }

    public static Watermark readFrom(JsonNode o, String field) {
        JsonNode w = o == null ? null : o.get(field);
        if (w == null || !w.hasNonNull("since")) {
            return NONE;
        }
        List<String> ids = new ArrayList<>();
        if (w.get("ids") != null) {
            w.get("ids").forEach(n -> ids.add(n.asString()));
        }
        try {
            return new Watermark(Instant.parse(w.get("since").asString()), ids);
        } catch (RuntimeException e) {
            return NONE;
        }
    }
}
