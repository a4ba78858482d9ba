package io.koubei.store.elasticsearch;

import static io.koubei.store.elasticsearch.FeedbackIndexLayout.*;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.RatingScale;
import io.koubei.store.json.FeedbackJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

    static Map<String, Object> toDocument(AnalyzedFeedback f) {
        FeedbackItem item = f.item();
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
        Set<String> aspects = new LinkedHashSet<>();
        Set<String> aspectPolarities = new LinkedHashSet<>();
        for (OpinionPoint op : f.analysis().opinions()) {
            if (op.aspect() != null) {
                aspects.add(op.aspect());
                if (op.polarity() != null) {
                    aspectPolarities.add(op.aspectPolarityKey());
                }
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
        putIfNotEmpty(d, TOKENS, new LinkedHashSet<>(f.analysis().tokens()));
        d.put(DOC, toJson(f));
        return d;
    }

    /** The stored form, shared with the embedded store: the same JSON in both, so both round-trip alike. */
    static String toJson(AnalyzedFeedback f) {
        return FeedbackJson.toJson(f);
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

    private static void putIfPresent(Map<String, Object> d, String field, String value) {
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
