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
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
    /** Longest identifier or exact-match name (source, ids, product, version, author id) a row may carry. */
    static final int MAX_KEY_CHARS = 1_000;
    static final String SCALES = Arrays.stream(RatingScale.values()).map(RatingScale::wireName).collect(Collectors.joining(", "));

    private final FormatOptions options;
    private final DateReader dates;
    private final ObjectMapper mapper;

    RecordDecoder(FormatOptions options, ObjectMapper mapper) {
        this.options = options;
        this.mapper = mapper;
        this.dates = new DateReader(options.zone(), options.datePatterns());
    }

    ParseResult decode(JsonNode node, String file, long line) {
        RowProblems p = new RowProblems(file, line, mapper);
        if (node == null || !node.isObject()) {
            p.add("(json)", "expected a JSON object, got " + kind(node));
            return p.result();
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
        Rating rating = RatingField.read(o.get("rating"), p, extra);
        Interactions interactions = interactions(o.get("interactions"), p, extra);
        TicketInfo ticket = ticket(o.get("ticket"), p, extra);
        List<String> tags = tags(o.get("tags"), p, extra);
        Map<String, String> fields = fields(o.get("fields"), p, extra);
        String title = optionalString(o, "title", "title", p, extra);
        String lang = optionalString(o, "lang", "lang", p, extra);
        String product = optionalString(o, "product", "product", p, extra);
        String productVersion = optionalString(o, "productVersion", "productVersion", p, extra);
        String url = optionalString(o, "url", "url", p, extra);
        String replyTo = trimToNull(optionalString(o, "replyTo", "replyTo", p, extra));

        if (text == null || (text.isEmpty() && rating == null)) {
            if (rating == null) {
                // the rating was the row's content: why it could not be used makes the row unusable
                boolean ratingDropped = p.rejectDropped("rating");
                if (text == null) {
                    p.add("text", "missing (required unless a rating is given)");
                } else if (!ratingDropped) {
                    p.add("text", "empty (allowed only when a rating is given)");
                }
            } else {
                text = "";
            }
        } else {
            int chars = text.codePointCount(0, text.length());
            if (chars > options.maxTextChars()) {
                p.add("text", String.format(Locale.ROOT, "%,d characters exceeds the limit of %,d", chars, options.maxTextChars()));
            }
        }

        checkKeyLength(p, "source", source);
        checkKeyLength(p, "externalId", externalId);
        checkKeyLength(p, "id", id);
        checkKeyLength(p, "replyTo", o.get("replyTo"));
        checkKeyLength(p, "product", o.get("product"));
        checkKeyLength(p, "productVersion", o.get("productVersion"));
        checkKeyLength(p, "author.id", author == null ? null : author.id());

        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!V1Fields.isKnownName(e.getKey()) && !absent(e.getValue())) {
                extra.putIfAbsent(e.getKey(), p.toJava(e.getValue()));
            }
        }
        if (p.any()) {
            return p.result();
        }
        FeedbackItem item = FeedbackItem.builder()
                .id(id).source(source.trim()).channel(channel).externalId(externalId).createdAt(createdAt).text(text)
                .title(title).lang(lang).product(product).productVersion(productVersion).url(url).replyTo(replyTo)
                .author(author).rating(rating).interactions(interactions).ticket(ticket).tags(tags).fields(fields)
                .extra(extra).build();
        return new ParseResult.Valid(line, item, p.warnings());
    }

    /**
     * Identifiers and names that are filtered on exactly must fit a search index's keyword limit (32,766 UTF-8 bytes
     * in Lucene and Elasticsearch); far shorter than that is already no real identifier. Rejected here, with the
     * line, rather than failing in the store where the sender would learn nothing.
     */
    private static void checkKeyLength(RowProblems p, String field, Object value) {
        String text = value instanceof JsonNode n ? (n.isString() ? n.asString() : null) : (String) value;
        if (text != null && text.length() > MAX_KEY_CHARS) {
            p.add(field, String.format(Locale.ROOT, "%,d characters exceeds the limit of %,d for identifiers and names",
                    text.codePointCount(0, text.length()), MAX_KEY_CHARS));
        }
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

    private Author author(JsonNode n, RowProblems p, Map<String, Object> extra) {
        if (!absent(n) && n.isString() && !n.stringValue().isBlank()) {
            p.warn("author", "text instead of an object; read as author.name");
            return new Author(null, n.stringValue().strip(), null, null, null, null, null);
        }
        ObjectNode a = optionalObject(n, "author", p, extra);
        if (a == null) {
            return null;
        }
        p.keepUnknown(a, "author", extra);
        return new Author(trimToNull(optionalString(a, "id", "author.id", p, extra)), optionalString(a, "name", "author.name", p, extra),
                count(a.get("followers"), "author.followers", p, extra), optionalDate(a.get("registeredAt"), "author.registeredAt", p, extra),
                level(a.get("level"), "author.level", p, extra), bool(a.get("verified"), "author.verified", p, extra),
                bool(a.get("official"), "author.official", p, extra));
    }

    private Interactions interactions(JsonNode n, RowProblems p, Map<String, Object> extra) {
        ObjectNode i = optionalObject(n, "interactions", p, extra);
        if (i == null) {
            return null;
        }
        p.keepUnknown(i, "interactions", extra);
        Integer likes = count(i.get("likes"), "interactions.likes", p, extra);
        Integer reposts = count(i.get("reposts"), "interactions.reposts", p, extra);
        Integer replies = count(i.get("replies"), "interactions.replies", p, extra);
        return new Interactions(likes == null ? 0 : likes, reposts == null ? 0 : reposts, replies == null ? 0 : replies);
    }

    private TicketInfo ticket(JsonNode n, RowProblems p, Map<String, Object> extra) {
        ObjectNode t = optionalObject(n, "ticket", p, extra);
        if (t == null) {
            return null;
        }
        p.keepUnknown(t, "ticket", extra);
        return new TicketInfo(optionalString(t, "status", "ticket.status", p, extra),
                optionalDate(t.get("firstResponseAt"), "ticket.firstResponseAt", p, extra),
                optionalDate(t.get("resolvedAt"), "ticket.resolvedAt", p, extra));
    }

    private List<String> tags(JsonNode n, RowProblems p, Map<String, Object> extra) {
        if (absent(n)) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        if (n.isArray()) {
            int skipped = 0;
            for (JsonNode t : n) {
                if (t.isString() || t.isNumber() || t.isBoolean()) {
                    String v = t.asString().trim();
                    if (!v.isEmpty()) {
                        tags.add(v);
                    }
                } else if (!t.isNull()) {
                    skipped++;
                }
            }
            if (skipped > 0) {
                p.warn("tags", skipped + (skipped == 1 ? " element was not text" : " elements were not text")
                        + " and was left out (expected an array of strings)");
            }
        } else if (n.isString()) {
            for (String v : n.stringValue().split("[|;]")) {
                if (!v.isBlank()) {
                    tags.add(v.trim());
                }
            }
        } else {
            p.drop("tags", "expected an array of strings (or text separated by | or ;), found " + kind(n), n, extra);
        }
        return tags;
    }

    private Map<String, String> fields(JsonNode n, RowProblems p, Map<String, Object> extra) {
        ObjectNode f = optionalObject(n, "fields", p, extra);
        if (f == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.properties()) {
            JsonNode v = e.getValue();
            if (v.isString() || v.isNumber() || v.isBoolean()) {
                out.put(e.getKey(), v.asString());
            } else if (!v.isNull()) {
                out.put(e.getKey(), mapper.writeValueAsString(v));
                p.warn("fields." + e.getKey(), kind(v) + " instead of text; kept as its JSON text");
            }
        }
        return out;
    }

    /** An optional object member: null when absent; dropped with a warning when it is not an object. */
    private ObjectNode optionalObject(JsonNode n, String field, RowProblems p, Map<String, Object> extra) {
        if (absent(n) || isBlankText(n)) {
            return null;
        }
        if (!n.isObject()) {
            p.drop(field, "expected an object, found " + kind(n), n, extra);
            return null;
        }
        return (ObjectNode) n;
    }

    /** A required text field: a value of the wrong kind is a rejection. */
    private String string(JsonNode parent, String name, String path, RowProblems p) {
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

    /** An optional text field: a value of the wrong kind is dropped with a warning. */
    private String optionalString(JsonNode parent, String name, String path, RowProblems p, Map<String, Object> extra) {
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
        p.drop(path, "expected text, found " + kind(n), n, extra);
        return null;
    }

    private Instant date(JsonNode n, String path, RowProblems p) {
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
            // with a zone given, a local date-time in a usual export form (2024/5/1 10:15, 2024年5月1日) is clear
            boolean unknownForm = e.getMessage().startsWith("cannot read");
            LooseDateText.Reading loose = unknownForm && n.isString() ? LooseDateText.read(n.stringValue()) : null;
            if (loose != null && loose.local() != null) {
                String raw = "'" + Quoted.of(n.stringValue().strip()) + "'";
                if (options.zone() == null) {
                    p.add(path, raw + (loose.dateOnly() ? " is a date without time or offset" : " has no UTC offset")
                            + "; set a zone (koubei import --zone, or dates.zone in mapping.yml) to read it as "
                            + (loose.dateOnly() ? "midnight" : "local time") + " there");
                    return null;
                }
                ZonedDateTime at = loose.local().atZone(options.zone());
                p.warn(path, raw + " read as " + at.toOffsetDateTime() + " (" + (loose.dateOnly() ? "midnight" : "local time")
                        + " in " + options.zone().getId() + ")");
                return at.toInstant();
            }
            p.add(path, e.getMessage());
        }
        return null;
    }

    /**
     * An optional date-time: read exactly when it can be; a plain date, a local date-time or epoch seconds are
     * normalised with a warning (placed in the configured zone, else the team's zone); anything else is dropped.
     */
    private Instant optionalDate(JsonNode n, String path, RowProblems p, Map<String, Object> extra) {
        if (absent(n) || isBlankText(n)) {
            return null;
        }
        String strictError;
        try {
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return dates.parseMillis(n.longValue());
            }
            if (n.isString()) {
                return dates.parse(n.stringValue());
            }
            strictError = "expected ISO-8601 text with offset or epoch milliseconds, found " + kind(n);
        } catch (IllegalArgumentException e) {
            strictError = e.getMessage();
        }
        LooseDateText.Reading loose = n.isString() || n.isIntegralNumber() ? LooseDateText.read(n.asString()) : null;
        if (loose == null) {
            p.drop(path, strictError, n, extra);
            return null;
        }
        String raw = "'" + Quoted.of(n.asString().strip()) + "'";
        if (loose.instant() != null) {
            p.warn(path, raw + " read as epoch seconds: " + loose.instant());
            return loose.instant();
        }
        ZoneId zone = options.zone() != null ? options.zone() : options.teamZone();
        ZonedDateTime at = loose.local().atZone(zone);
        String where = options.zone() != null ? zone.getId()
                : zone.getId() + ", the team's zone; koubei import --zone, or dates.zone in mapping.yml, sets another";
        p.warn(path, raw + " read as " + at.toOffsetDateTime() + " (" + (loose.dateOnly() ? "midnight" : "local time")
                + " in " + where + ")");
        return at.toInstant();
    }

    private Integer count(JsonNode n, String path, RowProblems p, Map<String, Object> extra) {
        if (absent(n) || isBlankText(n)) {
            return null;
        }
        BigDecimal exact = exactNumber(n);
        if (exact != null) {
            if (exact.signum() < 0) {
                p.drop(path, exact.stripTrailingZeros().toPlainString() + " is negative; counts start at 0", n, extra);
                return null;
            }
            return wholeInt(exact, n, path, p, extra);
        }
        if (!n.isString()) {
            p.drop(path, n.isNumber() ? n.asString() + " is out of range" : "expected a whole number, found " + kind(n), n, extra);
            return null;
        }
        CountText.Reading r = CountText.read(n.stringValue());
        if (r == null || r.value() > Integer.MAX_VALUE) {
            p.drop(path, "'" + Quoted.of(n.stringValue().strip()) + (r == null ? "' is not a number; expected a whole number"
                    : "' is out of range"), n, extra);
            return null;
        }
        p.warn(path, "'" + Quoted.of(n.stringValue().strip()) + "' read as " + r.value() + (r.atLeast() ? " (at least)" : ""));
        return (int) r.value();
    }

    private Integer level(JsonNode n, String path, RowProblems p, Map<String, Object> extra) {
        if (absent(n) || isBlankText(n)) {
            return null;
        }
        BigDecimal exact = exactNumber(n);
        if (exact != null) {
            return wholeInt(exact, n, path, p, extra);
        }
        Integer level = n.isString() ? LevelText.read(n.stringValue()) : null;
        if (level == null) {
            p.drop(path, n.isString() ? "'" + Quoted.of(n.stringValue().strip()) + "' holds no level number; expected a whole number"
                    : n.isNumber() ? n.asString() + " is out of range" : "expected a whole number, found " + kind(n), n, extra);
            return null;
        }
        p.warn(path, "'" + Quoted.of(n.stringValue().strip()) + "' read as " + level);
        return level;
    }

    private Integer wholeInt(BigDecimal d, JsonNode raw, String path, RowProblems p, Map<String, Object> extra) {
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            boolean fraction = d.stripTrailingZeros().scale() > 0;
            p.drop(path, d.stripTrailingZeros().toPlainString() + (fraction ? " is not a whole number" : " is out of range"), raw, extra);
            return null;
        }
    }

    /** A JSON number, or text that is a plain decimal number; null otherwise (also for NaN and ±1e15 and beyond). */
    private static BigDecimal exactNumber(JsonNode n) {
        BigDecimal d;
        if (n.isNumber()) {
            if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
                return null;
            }
            d = n.decimalValue();
        } else if (n.isString()) {
            try {
                d = new BigDecimal(n.stringValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return d.abs().compareTo(BigDecimal.valueOf(1e15)) > 0 ? null : d;
    }

    private Boolean bool(JsonNode n, String path, RowProblems p, Map<String, Object> extra) {
        if (absent(n) || isBlankText(n)) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String t = CountText.normalise(n.asString()).toLowerCase(Locale.ROOT);
        switch (t) {
            case "true", "yes", "y", "t", "1", "on", "是", "对", "已认证", "认证", "✓", "✔", "√" -> {
                return Boolean.TRUE;
            }
            case "false", "no", "n", "f", "0", "off", "否", "不是", "未认证", "无", "✗", "✘", "×" -> {
                return Boolean.FALSE;
            }
            default -> {
                p.drop(path, "'" + Quoted.of(n.asString()) + "' is not a boolean; expected true or false (or yes/no, 1/0, 是/否)", n, extra);
                return null;
            }
        }
    }

    static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    static boolean isBlankText(JsonNode n) {
        return n != null && n.isString() && n.stringValue().isBlank();
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    static String kind(JsonNode n) {
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

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
