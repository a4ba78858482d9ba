package io.koubei.ingest.format;

import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.TicketInfo;
import io.koubei.core.time.CalendarKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates one record (a JSON object, or a CSV/XLSX row already shaped into one) against format v1 and builds
 * the {@link FeedbackItem}. Collects every problem of the row rather than stopping at the first, so a user can
 * fix a file in one pass. Values may be typed JSON or text (CSV cells): "42" is a number, "true" a boolean.
 */
final class RecordDecoder {

    private static final String CHANNELS = Arrays.stream(Channel.values()).map(Channel::wireName).collect(Collectors.joining(", "));
    private static final String SCALES = Arrays.stream(RatingScale.values()).map(RatingScale::wireName).collect(Collectors.joining(", "));

    private final FormatOptions options;
    private final DateReader dates;
    private final ObjectMapper mapper;

    RecordDecoder(FormatOptions options, ObjectMapper mapper) {
        this.options = options;
        this.mapper = mapper;
        this.dates = new DateReader(options.zone(), options.datePatterns());
    }

    ParseResult decode(JsonNode node, String file, long line) {
        Problems p = new Problems(file, line);
        if (node == null || !node.isObject()) {
            p.add("(json)", "expected a JSON object, got " + kind(node));
            return p.result(null);
        }
        ObjectNode o = applyDefaults((ObjectNode) node);
        Map<String, Object> extra = new LinkedHashMap<>();

        String source = string(o, "source", "source", p);
        String channelText = string(o, "channel", "channel", p);
        String externalId = trimToNull(string(o, "externalId", "externalId", p));
        String id = trimToNull(string(o, "id", "id", p));
        String text = string(o, "text", "text", p);

        if (source == null || source.isBlank()) {
            p.add("source", source == null ? "missing (required: the platform or connector, e.g. weibo)" : "empty");
        }
        Channel channel = null;
        if (channelText == null || channelText.isBlank()) {
            p.add("channel", "missing (required: one of " + CHANNELS + ")");
        } else {
            channel = Channel.fromWire(channelText).orElse(null);
            if (channel == null) {
                p.add("channel", "unknown channel '" + Quoted.of(channelText) + "'; expected one of " + CHANNELS);
            }
        }
        if (externalId == null && id == null) {
            p.add("externalId", "missing (required: give externalId, or id)");
        }
        Instant createdAt = null;
        if (absent(o.get("createdAt"))) {
            p.add("createdAt", "missing (required: ISO-8601 with offset or epoch milliseconds)");
        } else {
            createdAt = date(o.get("createdAt"), "createdAt", p);
            if (createdAt != null && (createdAt.isBefore(CalendarKeys.START) || !createdAt.isBefore(CalendarKeys.END))) {
                // week keys, filters and reports work on years 1970–2100: year 0 or 10000 would make weeks nobody can ask for
                p.add("createdAt", createdAt + " is outside the supported years " + CalendarKeys.MIN_YEAR + "–"
                        + CalendarKeys.MAX_YEAR);
                createdAt = null;
            }
        }

        Author author = author(o.get("author"), p, extra);
        Rating rating = rating(o.get("rating"), p, extra);
        Interactions interactions = interactions(o.get("interactions"), p, extra);
        TicketInfo ticket = ticket(o.get("ticket"), p, extra);
        List<String> tags = tags(o.get("tags"), p);
        Map<String, String> fields = fields(o.get("fields"), p);

        if (text == null) {
            if (rating == null) {
                p.add("text", "missing (required unless a rating is given)");
            } else {
                text = "";
            }
        } else if (text.isEmpty() && rating == null && !p.has("rating.value") && !p.has("rating.scale")) {
            p.add("text", "empty (allowed only when a rating is given)");
        } else {
            int chars = text.codePointCount(0, text.length());
            if (chars > options.maxTextChars()) {
                p.add("text", String.format(Locale.ROOT, "%,d characters exceeds the limit of %,d", chars, options.maxTextChars()));
            }
        }

        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!V1Fields.isKnownName(e.getKey()) && !absent(e.getValue())) {
                extra.put(e.getKey(), toJava(e.getValue()));
            }
        }
        if (p.any()) {
            return p.result(null);
        }
        FeedbackItem item = FeedbackItem.builder()
                .id(id).source(source.trim()).channel(channel).externalId(externalId).createdAt(createdAt).text(text)
                .title(string(o, "title", "title", p)).lang(string(o, "lang", "lang", p))
                .product(string(o, "product", "product", p)).productVersion(string(o, "productVersion", "productVersion", p))
                .url(string(o, "url", "url", p)).replyTo(trimToNull(string(o, "replyTo", "replyTo", p)))
                .author(author).rating(rating).interactions(interactions).ticket(ticket).tags(tags).fields(fields)
                .extra(extra).build();
        return p.any() ? p.result(null) : new ParseResult.Valid(line, item);
    }

    private ObjectNode applyDefaults(ObjectNode o) {
        if (options.defaults().isEmpty()) {
            return o;
        }
        ObjectNode copy = o.deepCopy();
        options.defaults().forEach((path, value) -> {
            int dot = path.indexOf('.');
            if (dot < 0) {
                if (absent(copy.get(path)) || isBlankText(copy.get(path))) {
                    copy.put(path, value);
                }
            } else {
                String head = path.substring(0, dot);
                JsonNode parent = copy.get(head);
                if (parent == null || parent.isNull()) {
                    copy.putObject(head).put(path.substring(dot + 1), value);
                } else if (parent.isObject() && absent(parent.get(path.substring(dot + 1)))) {
                    ((ObjectNode) parent).put(path.substring(dot + 1), value);
                }
            }
        });
        return copy;
    }

    private Author author(JsonNode n, Problems p, Map<String, Object> extra) {
        ObjectNode a = object(n, "author", p);
        if (a == null) {
            return null;
        }
        keepUnknownMembers(a, "author", extra);
        return new Author(trimToNull(string(a, "id", "author.id", p)), string(a, "name", "author.name", p),
                count(a.get("followers"), "author.followers", p), optionalDate(a.get("registeredAt"), "author.registeredAt", p),
                integer(a.get("level"), "author.level", p), bool(a.get("verified"), "author.verified", p),
                bool(a.get("official"), "author.official", p));
    }

    private Rating rating(JsonNode n, Problems p, Map<String, Object> extra) {
        ObjectNode r = object(n, "rating", p);
        if (r == null) {
            return null;
        }
        keepUnknownMembers(r, "rating", extra);
        JsonNode valueNode = r.get("value");
        String scaleText = string(r, "scale", "rating.scale", p);
        if (absent(valueNode)) {
            return null; // a scale without a value (e.g. a constant scale on a row left unrated) is no rating
        }
        if (scaleText == null || scaleText.isBlank()) {
            p.add("rating.scale", "missing; a rating.value needs a scale (" + SCALES + ")");
            return null;
        }
        RatingScale scale = RatingScale.fromWire(scaleText).orElse(null);
        if (scale == null) {
            p.add("rating.scale", "unknown scale '" + Quoted.of(scaleText) + "'; expected one of " + SCALES);
            return null;
        }
        Double value = decimal(valueNode, "rating.value", p);
        if (value == null) {
            return null;
        }
        if (!scale.accepts(value)) {
            p.add("rating.value", fmt(value) + " is outside the " + scale.wireName() + " range " + fmt(scale.min()) + "–" + fmt(scale.max()));
            return null;
        }
        if (scale == RatingScale.NPS && value != Math.rint(value)) {
            p.add("rating.value", "NPS takes whole numbers 0–10, got " + fmt(value));
            return null;
        }
        return new Rating(scale, value);
    }

    private Interactions interactions(JsonNode n, Problems p, Map<String, Object> extra) {
        ObjectNode i = object(n, "interactions", p);
        if (i == null) {
            return null;
        }
        keepUnknownMembers(i, "interactions", extra);
        Integer likes = count(i.get("likes"), "interactions.likes", p);
        Integer reposts = count(i.get("reposts"), "interactions.reposts", p);
        Integer replies = count(i.get("replies"), "interactions.replies", p);
        return new Interactions(likes == null ? 0 : likes, reposts == null ? 0 : reposts, replies == null ? 0 : replies);
    }

    private TicketInfo ticket(JsonNode n, Problems p, Map<String, Object> extra) {
        ObjectNode t = object(n, "ticket", p);
        if (t == null) {
            return null;
        }
        keepUnknownMembers(t, "ticket", extra);
        return new TicketInfo(string(t, "status", "ticket.status", p), optionalDate(t.get("firstResponseAt"), "ticket.firstResponseAt", p),
                optionalDate(t.get("resolvedAt"), "ticket.resolvedAt", p));
    }

    private List<String> tags(JsonNode n, Problems p) {
        if (absent(n)) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode t : n) {
                if (t.isString() || t.isNumber() || t.isBoolean()) {
                    String v = t.asString().trim();
                    if (!v.isEmpty()) {
                        tags.add(v);
                    }
                } else if (!t.isNull()) {
                    p.add("tags", "expected an array of strings, found " + kind(t));
                    return List.of();
                }
            }
        } else if (n.isString()) {
            for (String v : n.stringValue().split("[|;]")) {
                if (!v.isBlank()) {
                    tags.add(v.trim());
                }
            }
        } else {
            p.add("tags", "expected an array of strings (or text separated by | or ;), found " + kind(n));
        }
        return tags;
    }

    private Map<String, String> fields(JsonNode n, Problems p) {
        ObjectNode f = object(n, "fields", p);
        if (f == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.properties()) {
            JsonNode v = e.getValue();
            if (v.isString() || v.isNumber() || v.isBoolean()) {
                out.put(e.getKey(), v.asString());
            } else if (!v.isNull()) {
                p.add("fields." + e.getKey(), "expected text, a number or a boolean, found " + kind(v));
            }
        }
        return out;
    }

    private void keepUnknownMembers(ObjectNode o, String name, Map<String, Object> extra) {
        List<String> known = V1Fields.OBJECTS.get(name);
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!known.contains(e.getKey()) && !absent(e.getValue())) {
                extra.put(name + "." + e.getKey(), toJava(e.getValue()));
            }
        }
    }

    private ObjectNode object(JsonNode n, String field, Problems p) {
        if (absent(n)) {
            return null;
        }
        if (!n.isObject()) {
            p.add(field, "expected an object, found " + kind(n));
            return null;
        }
        return (ObjectNode) n;
    }

    private String string(JsonNode parent, String name, String path, Problems p) {
        JsonNode n = parent.get(name);
        if (absent(n)) {
            return null;
        }
        if (n.isString()) {
            return n.stringValue();
        }
        if (n.isNumber() || n.isBoolean()) {
            return n.asString();
        }
        p.add(path, "expected text, found " + kind(n));
        return null;
    }

    private Instant date(JsonNode n, String path, Problems p) {
        try {
            if (n.isIntegralNumber()) {
                if (!n.canConvertToLong()) {
                    p.add(path, n.asString() + " is too large for epoch milliseconds");
                    return null;
                }
                return dates.parseMillis(n.longValue());
            }
            if (n.isString()) {
                return dates.parse(n.stringValue());
            }
            p.add(path, "expected ISO-8601 text with offset or epoch milliseconds, found " + kind(n));
        } catch (IllegalArgumentException e) {
            p.add(path, e.getMessage());
        }
        return null;
    }

    private Instant optionalDate(JsonNode n, String path, Problems p) {
        return absent(n) || isBlankText(n) ? null : date(n, path, p);
    }

    private Integer count(JsonNode n, String path, Problems p) {
        Integer v = integer(n, path, p);
        if (v != null && v < 0) {
            p.add(path, v + " is negative; counts start at 0");
            return null;
        }
        return v;
    }

    private Integer integer(JsonNode n, String path, Problems p) {
        if (absent(n) || isBlankText(n)) {
            return null;
        }
        BigDecimal d = number(n, path, "a whole number", p);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            p.add(path, d.stripTrailingZeros().toPlainString() + (d.scale() > 0 && d.stripTrailingZeros().scale() > 0
                    ? " is not a whole number" : " is out of range"));
            return null;
        }
    }

    private Double decimal(JsonNode n, String path, Problems p) {
        if (isBlankText(n)) {
            p.add(path, "empty; expected a number");
            return null;
        }
        BigDecimal d = number(n, path, "a number", p);
        return d == null ? null : d.doubleValue();
    }

    private BigDecimal number(JsonNode n, String path, String expected, Problems p) {
        if (n.isNumber()) {
            if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
                p.add(path, "not a finite number");
                return null;
            }
            return n.decimalValue();
        }
        if (n.isString()) {
            String t = n.stringValue().trim();
            try {
                BigDecimal d = new BigDecimal(t);
                if (d.abs().compareTo(BigDecimal.valueOf(1e15)) > 0) {
                    p.add(path, "'" + Quoted.of(t) + "' is out of range");
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                p.add(path, "'" + Quoted.of(t) + "' is not a number; expected " + expected);
                return null;
            }
        }
        p.add(path, "expected " + expected + ", found " + kind(n));
        return null;
    }

    private Boolean bool(JsonNode n, String path, Problems p) {
        if (absent(n) || isBlankText(n)) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String t = n.asString().trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "true", "yes", "y", "1", "是" -> {
                return Boolean.TRUE;
            }
            case "false", "no", "n", "0", "否" -> {
                return Boolean.FALSE;
            }
            default -> {
                p.add(path, "'" + Quoted.of(n.asString()) + "' is not a boolean; expected true or false");
                return null;
            }
        }
    }

    private Object toJava(JsonNode n) {
        return mapper.treeToValue(n, Object.class);
    }

    static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private static boolean isBlankText(JsonNode n) {
        return n != null && n.isString() && n.stringValue().isBlank();
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return "text";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Problems of one row. */
    private static final class Problems {
        private final String file;
        private final long line;
        private final List<Rejection> list = new ArrayList<>();

        Problems(String file, long line) {
            this.file = file;
            this.line = line;
        }

        void add(String field, String reason) {
            list.add(new Rejection(file, line, field, reason));
        }

        boolean any() {
            return !list.isEmpty();
        }

        boolean has(String field) {
            return list.stream().anyMatch(r -> r.field().equals(field));
        }

        ParseResult result(Object ignored) {
            return new ParseResult.Invalid(line, list);
        }
    }
}
