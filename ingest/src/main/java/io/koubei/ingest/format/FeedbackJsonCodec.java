package io.koubei.ingest.format;

import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.TicketInfo;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Format v1 as a single JSON object per item: the wire format of the Kafka bus, the dead-letter files and the
 * demo generator. {@code fromJson(toJson(item))} equals {@code item} for every item the readers produce. For items
 * built in code, {@code extra} must hold JSON-like values as Jackson reads them back (Integer, or Long/BigInteger only
 * when too large for int; Double; String; Boolean; List; Map), and no {@code extra} key may be a v1 field name.
 * Thread-safe.
 */
public final class FeedbackJsonCodec {

    private final RecordDecoder decoder;

    public FeedbackJsonCodec() {
        this(FormatOptions.standard());
    }

    public FeedbackJsonCodec(FormatOptions options) {
        this.decoder = new RecordDecoder(options, V1Json.MAPPER);
    }

    /** One line of JSON (no line breaks): known fields in a fixed order, then unknown ({@code extra}) fields sorted. */
    public String toJson(FeedbackItem item) {
        return V1Json.MAPPER.writeValueAsString(toTree(item));
    }

    /** Parses and validates one JSON object; throws {@link InvalidFeedbackException} listing every problem. */
    public FeedbackItem fromJson(String json) {
        ParseResult r = decode(json, "<json>", 1);
        if (r instanceof ParseResult.Valid v) {
            return v.item();
        }
        throw new InvalidFeedbackException(((ParseResult.Invalid) r).rejections());
    }

    /** Like {@link #fromJson} but returns the result, naming the source and line in rejections. */
    public ParseResult decode(String json, String sourceName, long line) {
        JsonNode node;
        try {
            node = V1Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return new ParseResult.Invalid(line, java.util.List.of(
                    new Rejection(sourceName, line, "(json)", JsonLinesReader.describe(e, json))));
        }
        return decoder.decode(node, sourceName, line);
    }

    /** Validates a JSON object already in memory (a connector's mapped record) into the same result a line gives. */
    public ParseResult decode(JsonNode node, String sourceName, long line) {
        return decoder.decode(node, sourceName, line);
    }

    ObjectNode toTree(FeedbackItem item) {
        ObjectNode o = V1Json.MAPPER.createObjectNode();
        o.put("id", item.id());
        o.put("source", item.source());
        o.put("channel", item.channel().wireName());
        putIfSet(o, "externalId", item.externalId());
        o.put("createdAt", item.createdAt().toString());
        o.put("text", item.text());
        putIfSet(o, "title", item.title());
        putIfSet(o, "lang", item.lang());
        putIfSet(o, "product", item.product());
        putIfSet(o, "productVersion", item.productVersion());
        putIfSet(o, "url", item.url());
        if (item.author() != null) {
            Author a = item.author();
            ObjectNode n = o.putObject("author");
            putIfSet(n, "id", a.id());
            putIfSet(n, "name", a.name());
            if (a.followers() != null) {
                n.put("followers", a.followers());
            }
            putIfSet(n, "registeredAt", a.registeredAt());
            if (a.level() != null) {
                n.put("level", a.level());
            }
            if (a.verified() != null) {
                n.put("verified", a.verified());
            }
            if (a.official() != null) {
                n.put("official", a.official());
            }
        }
        if (item.rating() != null) {
            Rating r = item.rating();
            ObjectNode n = o.putObject("rating");
            n.put("scale", r.scale().wireName());
            if (r.value() == Math.rint(r.value())) {
                n.put("value", (long) r.value());
            } else {
                n.put("value", r.value());
            }
        }
        if (!Interactions.NONE.equals(item.interactions())) {
            Interactions i = item.interactions();
            o.putObject("interactions").put("likes", i.likes()).put("reposts", i.reposts()).put("replies", i.replies());
        }
        putIfSet(o, "replyTo", item.replyTo());
        if (item.ticket() != null) {
            TicketInfo t = item.ticket();
            ObjectNode n = o.putObject("ticket");
            putIfSet(n, "status", t.status());
            putIfSet(n, "firstResponseAt", t.firstResponseAt());
            putIfSet(n, "resolvedAt", t.resolvedAt());
        }
        if (!item.tags().isEmpty()) {
            var arr = o.putArray("tags");
            item.tags().forEach(arr::add);
        }
        if (!item.fields().isEmpty()) {
            ObjectNode n = o.putObject("fields");
            new TreeMap<>(item.fields()).forEach(n::put);
        }
        for (Map.Entry<String, Object> e : new TreeMap<>(item.extra()).entrySet()) {
            String key = e.getKey();
            if (V1Fields.isKnownName(key)) {
                throw new IllegalArgumentException("extra field '" + key + "' clashes with a format v1 field");
            }
            o.set(key, V1Json.MAPPER.valueToTree(e.getValue()));
        }
        return o;
    }

    private static void putIfSet(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void putIfSet(ObjectNode o, String name, Instant value) {
        if (value != null) {
            o.put(name, value.toString());
        }
    }
}
