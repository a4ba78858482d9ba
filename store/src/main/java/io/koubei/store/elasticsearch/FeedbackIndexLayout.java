package io.koubei.store.elasticsearch;

import io.koubei.core.store.Dimension;
import java.time.Duration;

/**
 * Index names, aliases and the index template of the store.
 *
 * <ul>
 *   <li>{@code <prefix>feedback}: the <b>write alias</b>, on exactly one index ({@code is_write_index}).
 *   <li>{@code <prefix>feedback-000001}, {@code -000002}, …: the concrete indices. A rollover
 *       ({@code POST <prefix>feedback/_rollover}) creates the next one and moves the write alias to it.
 *   <li>{@code <prefix>feedback-read}: the <b>read alias</b>, on every concrete index. The template adds each new
 *       index to it, so searches and aggregates see all of them; retiring old data is deleting an old index.
 * </ul>
 */
final class FeedbackIndexLayout {
    // document fields; every filter field and dimension is a keyword
    static final String ID = "id";
    static final String CHANNEL = "channel";
    static final String SOURCE = "source";
    static final String PRODUCT = "product";
    static final String PRODUCT_VERSION = "productVersion";
    static final String WEEK = "week";
    static final String DAY = "day";
    static final String POLARITY = "polarity";
    static final String NPS_CLASS = "npsClass";
    static final String SEGMENT = "segment";
    static final String ASPECTS = "aspects";
    static final String ASPECT_POLARITIES = "aspectPolarities";
    static final String FLAGS = "flags";
    static final String AUTHOR_ID = "authorId";
    static final String REPLY_TO = "replyTo";
    static final String OFFICIAL = "official";
    static final String RATING_SCALE = "ratingScale";
    static final String RATING_VALUE = "ratingValue";
    /** Rating value only when the scale is stars / csat: the sums of BucketStats. */
    static final String STARS_VALUE = "starsValue";
    static final String CSAT_VALUE = "csatValue";
    /** A date for people and dashboards (millisecond precision). */
    static final String CREATED_AT = "createdAt";
    /** Epoch nanoseconds: exact ranges and sort, same encoding as the embedded store. */
    static final String CREATED_AT_NANOS = "createdAtNanos";
    static final String TEXT = "text";
    static final String TOKENS = "tokens";
    /** Author figures for core/mass profiles, on items with an author (see AuthorStatsAggregation). */
    static final String AUTHOR_LEVEL = "authorLevel";
    static final String AUTHOR_REGISTERED_NANOS = "authorRegisteredNanos";
    static final String REPLY = "reply";
    static final String TECHNICAL = "technical";
    static final String BETA = "beta";
    /** {@link io.koubei.core.feedback.AuthorMarks#key()} of the rules {@link #TECHNICAL} and {@link #BETA} follow. */
    static final String MARKS_KEY = "marksKey";
    /** The whole AnalyzedFeedback as JSON: what get/search return, so records round-trip exactly. */
    static final String DOC = "doc";

    /** The detectors' fields: changed only by partial updates (FeedbackStore.updateVerdicts), kept by upserts. */
    static final java.util.List<String> VERDICT_FIELDS = java.util.List.of(FLAGS, SEGMENT);
    /** Every other field: what an upsert of a stored item replaces. */
    static final java.util.List<String> ANALYSIS_FIELDS = java.util.List.of(ID, CHANNEL, SOURCE, PRODUCT,
            PRODUCT_VERSION, WEEK, DAY, POLARITY, NPS_CLASS, ASPECTS, ASPECT_POLARITIES, AUTHOR_ID, REPLY_TO, OFFICIAL,
            RATING_SCALE, RATING_VALUE, STARS_VALUE, CSAT_VALUE, CREATED_AT, CREATED_AT_NANOS, TEXT, TOKENS, DOC, AUTHOR_LEVEL, AUTHOR_REGISTERED_NANOS, REPLY,
            TECHNICAL, BETA, MARKS_KEY);

    private final String prefix;

    FeedbackIndexLayout(String prefix) {
        this.prefix = prefix;
    }

    String writeAlias() {
        return prefix + "feedback";
    }

    String readAlias() {
        return prefix + "feedback-read";
    }

    String firstIndex() {
        return prefix + "feedback-000001";
    }

    String templateName() {
        return prefix + "feedback";
    }

    String indexPattern() {
        return prefix + "feedback-0*";
    }

    static String field(Dimension d) {
        return switch (d) {
            case WEEK -> WEEK;
            case DAY -> DAY;
            case CHANNEL -> CHANNEL;
            case SOURCE -> SOURCE;
            case PRODUCT -> PRODUCT;
            case PRODUCT_VERSION -> PRODUCT_VERSION;
            case POLARITY -> POLARITY;
            case NPS_CLASS -> NPS_CLASS;
            case SEGMENT -> SEGMENT;
            case ASPECT -> ASPECTS;
            case ASPECT_POLARITY -> ASPECT_POLARITIES;
            case AUTHOR -> AUTHOR_ID;
            case FLAG -> FLAGS;
        };
    }

    /**
     * The composable index template. One shard (feedback volumes of one team fit easily; scale by rollover), replicas
     * 0–1 so a single node is green and a cluster keeps a copy. Mappings are strict: an unknown field is a bug.
     * Tokens are a keyword array, not analysed text: analysis (SmartCN + domain dictionary) happens in the
     * application, and one exact term per token matches the embedded store exactly (a token may even contain a
     * space, which the whitespace analyzer would split).
     */
    String templateJson(Duration refreshInterval) {
        return template(refreshInterval, mappedProperties());
    }

    /** The author-figure fields, added to indices created before they existed (adding fields is always allowed). */
    static String authorFigureProperties() {
        return "\"" + AUTHOR_LEVEL + "\":{\"type\":\"integer\"},\"" + AUTHOR_REGISTERED_NANOS + "\":{\"type\":\"long\"},\""
                + REPLY + "\":{\"type\":\"boolean\"},\"" + TECHNICAL + "\":{\"type\":\"boolean\"},\"" + BETA
                + "\":{\"type\":\"boolean\"},\"" + MARKS_KEY + "\":{\"type\":\"keyword\"}";
    }

    private static String mappedProperties() {
        String keyword = "{\"type\":\"keyword\"}";
        StringBuilder props = new StringBuilder();
        for (String f : new String[] {ID, CHANNEL, SOURCE, PRODUCT, PRODUCT_VERSION, WEEK, DAY, POLARITY, NPS_CLASS,
                SEGMENT, ASPECTS, ASPECT_POLARITIES, FLAGS, AUTHOR_ID, REPLY_TO, RATING_SCALE}) {
            props.append('"').append(f).append("\":").append(keyword).append(',');
        }
        props.append('"').append(OFFICIAL).append("\":{\"type\":\"boolean\"},");
        for (String f : new String[] {RATING_VALUE, STARS_VALUE, CSAT_VALUE}) {
            props.append('"').append(f).append("\":{\"type\":\"double\"},");
        }
        props.append('"').append(CREATED_AT).append("\":{\"type\":\"date\",\"format\":\"strict_date_optional_time||epoch_millis\"},");
        props.append('"').append(CREATED_AT_NANOS).append("\":{\"type\":\"long\"},");
        props.append('"').append(TEXT).append("\":{\"type\":\"text\",\"index\":false},");
        props.append('"').append(TOKENS).append("\":{\"type\":\"keyword\",\"doc_values\":false},");
        props.append(authorFigureProperties()).append(',');
        props.append('"').append(DOC).append("\":{\"type\":\"keyword\",\"index\":false,\"doc_values\":false}");
        return props.toString();
    }

    private String template(Duration refreshInterval, String props) {
        return """
                {
                  "index_patterns": ["%s"],
                  "priority": 500,
                  "_meta": {"owner": "koubei", "description": "analysed feedback; write alias %s, read alias %s"},
                  "template": {
                    "settings": {
                      "number_of_shards": 1,
                      "auto_expand_replicas": "0-1",
                      "refresh_interval": "%dms"
                    },
                    "aliases": {"%s": {}},
                    "mappings": {
                      "dynamic": "strict",
                      "properties": {%s}
                    }
                  }
                }
                """.formatted(indexPattern(), writeAlias(), readAlias(), refreshInterval.toMillis(), readAlias(), props);
    }

    /** The first index, owning the write alias. */
    String firstIndexJson() {
        return """
                {"aliases": {"%s": {"is_write_index": true}}}
                """.formatted(writeAlias());
    }
}
