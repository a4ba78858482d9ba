package io.koubei.store.elasticsearch;

import static io.koubei.store.elasticsearch.FeedbackIndexLayout.*;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.AuthorMarks;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.store.json.FeedbackJson;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An item as an Elasticsearch document: one keyword per filter field and dimension, helper numbers for the
 * stats, and the whole record as JSON. Derived values follow the embedded store exactly: missing values are absent
 * (aggregated as {@link io.koubei.core.store.Dimension#NONE}), aspects only from opinions that name one.
 */
final class FeedbackDocuments {
    private FeedbackDocuments() {
    }

    private static final tools.jackson.databind.json.JsonMapper BULK_JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** Lucene's (and so Elasticsearch's) limit for one indexed term. */
    static final int MAX_TERM_BYTES = 32_766;

    /**
     * @throws IllegalArgumentException when a keyword value is longer than ES can index (32766 UTF-8 bytes), as the
     *         embedded store does; an over-long token is left out of {@code tokens} (no query could name it)
     */
    static Map<String, Object> toDocument(AnalyzedFeedback f) {
        FeedbackItem item = f.item();
        for (String[] kv : new String[][] {{ID, item.id()}, {SOURCE, item.source()}, {PRODUCT, item.product()},
                {PRODUCT_VERSION, item.productVersion()}, {AUTHOR_ID, item.authorId()}, {REPLY_TO, item.replyTo()}}) {
            requireIndexable(item.id(), kv[0], kv[1]);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(ID, item.id());
        d.put(CHANNEL, item.channel().wireName());
        putIfPresent(d, SOURCE, item.source());
        putIfPresent(d, PRODUCT, item.product());
        putIfPresent(d, PRODUCT_VERSION, item.productVersion());
        d.put(WEEK, f.week());
        d.put(DAY, f.day());
        d.put(POLARITY, f.analysis().sentiment().polarity().wireName());
        putIfPresent(d, NPS_CLASS, f.analysis().npsClass() == null ? null : f.analysis().npsClass().wireName());
        putIfPresent(d, SEGMENT, f.analysis().segment() == null ? null : f.analysis().segment().wireName());
        Set<String> aspects = f.analysis().aspectIds();
        Set<String> aspectPolarities = f.analysis().aspectPolarityKeys();
        for (Set<String> values : List.of(aspects, aspectPolarities, f.analysis().flags())) {
            for (String v : values) {
                requireIndexable(item.id(), "aspect/flag", v);
            }
        }
        putIfNotEmpty(d, ASPECTS, aspects);
        putIfNotEmpty(d, ASPECT_POLARITIES, aspectPolarities);
        putIfNotEmpty(d, FLAGS, new LinkedHashSet<>(f.analysis().flags()));
        putIfPresent(d, AUTHOR_ID, item.authorId());
        putIfPresent(d, REPLY_TO, item.replyTo());
        d.put(OFFICIAL, item.fromOfficialAccount());
        if (item.rating() != null) {
            RatingScale scale = item.rating().scale();
            double value = item.rating().value();
            d.put(RATING_SCALE, scale.wireName());
            d.put(RATING_VALUE, value);
            if (scale == RatingScale.STARS) {
                d.put(STARS_VALUE, value);
            } else if (scale == RatingScale.CSAT) {
                d.put(CSAT_VALUE, value);
            }
        }
        d.put(CREATED_AT, item.createdAt().toEpochMilli());
        d.put(CREATED_AT_NANOS, nanos(item.createdAt()));
        d.put(TEXT, item.text());
        Set<String> tokens = new LinkedHashSet<>(f.analysis().tokens());
        tokens.removeIf(t -> !indexable(t));
        putIfNotEmpty(d, TOKENS, tokens);
        if (item.authorId() != null) {
            putIfPresent(d, AUTHOR_LEVEL, item.author().level());
            putIfPresent(d, AUTHOR_REGISTERED_NANOS,
                    item.author().registeredAt() == null ? null : nanos(item.author().registeredAt()));
            d.put(REPLY, item.replyTo() != null);
            d.put(TECHNICAL, AuthorMarks.DEFAULT.technical(item));
            d.put(BETA, AuthorMarks.DEFAULT.beta(item));
            d.put(MARKS_KEY, DEFAULT_MARKS_KEY);
        }
        // the verdicts live in their own fields only (flags, segment), so a partial update can change them alone
        d.put(DOC, toJson(f.withVerdicts(Verdicts.NONE)));
        return d;
    }

    /**
     * The bulk {@code update} action of an upsert: an existing document gets every field but the verdicts
     * ({@code doc}: absent values as explicit nulls, so nothing of the previous version lingers), a new one the whole
     * document with the verdicts it carries ({@code upsert}). The stored verdicts of an existing item are kept.
     */
    static byte[] upsertAction(Map<String, Object> document) {
        Map<String, Object> analysis = new LinkedHashMap<>();
        for (String field : ANALYSIS_FIELDS) {
            analysis.put(field, document.get(field));
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("doc", analysis);
        action.put("upsert", document);
        return BULK_JSON.writeValueAsBytes(action);
    }

    /** The bulk {@code update} action that sets an item's verdicts and nothing else (no upsert: a missing id fails). */
    static byte[] verdictsAction(Verdicts v) {
        Map<String, Object> verdicts = new LinkedHashMap<>();
        verdicts.put(FLAGS, v.flags().isEmpty() ? null : new java.util.TreeSet<>(v.flags()));
        verdicts.put(SEGMENT, v.segment() == null ? null : v.segment().wireName());
        return BULK_JSON.writeValueAsBytes(Map.of("doc", verdicts));
    }

    /** The stored record with the verdicts of its own fields (a document's {@code doc} JSON carries none). */
    static AnalyzedFeedback fromSource(String json, Collection<String> flags, String segment) {
        Segment s = segment == null ? null : Segment.valueOf(segment.toUpperCase(Locale.ROOT));
        return fromJson(json).withVerdicts(new Verdicts(flags == null ? Set.of() : new LinkedHashSet<>(flags), s));
    }

    /** The stored form, shared with the embedded store: the same JSON in both, so both round-trip alike. */
    static String toJson(AnalyzedFeedback f) {
        return FeedbackJson.toJson(f);
    }

    /**
     * The document as UTF-8 JSON, ready for a bulk body. The client would otherwise map the document through
     * JSON-P, which cost about half as much CPU as analysing the item.
     */
    static byte[] toBytes(Map<String, Object> document) {
        return BULK_JSON.writeValueAsBytes(document);
    }

    static AnalyzedFeedback fromJson(String json) {
        return FeedbackJson.fromJson(json);
    }

    /** Epoch nanoseconds, saturated outside 1677–2262, as in the embedded store. */
    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException overflow) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static boolean indexable(String value) {
        // UTF-8 is at most 3 bytes per UTF-16 unit: only long strings need the exact count
        return value == null || value.length() * 3 <= MAX_TERM_BYTES
                || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_TERM_BYTES;
    }

    private static void requireIndexable(String id, String field, String value) {
        if (!indexable(value)) {
            throw new IllegalArgumentException("item " + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + ": "
                    + field + " is longer than " + MAX_TERM_BYTES + " UTF-8 bytes");
        }
    }

    private static final String DEFAULT_MARKS_KEY = AuthorMarks.DEFAULT.key();

    private static void putIfPresent(Map<String, Object> d, String field, Object value) {
        if (value != null) {
            d.put(field, value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> d, String field, Set<String> values) {
        values.remove(null);
        if (!values.isEmpty()) {
            d.put(field, values);
        }
    }
}
