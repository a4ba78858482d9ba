package io.koubei.store.elasticsearch;

import static io.koubei.store.elasticsearch.FeedbackIndexLayout.*;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.FeedbackFilter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link FeedbackFilter} as one non-scoring bool query: fields AND-ed (filter clauses), values of a set OR-ed
 * (terms). Same semantics as the embedded store: time range [from, to) on epoch nanoseconds, rating range
 * inclusive, every search term must be one of the item's tokens.
 */
final class FilterQueries {
    private FilterQueries() {
    }

    static Query of(FeedbackFilter f) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        if (f.from() != null || f.to() != null) {
            b.filter(nanosRange(f));
        }
        anyOf(b, CHANNEL, f.channels(), Channel::wireName);
        anyOf(b, SOURCE, f.sources(), Function.identity());
        anyOf(b, PRODUCT, f.products(), Function.identity());
        anyOf(b, PRODUCT_VERSION, f.productVersions(), Function.identity());
        anyOf(b, POLARITY, f.polarities(), Polarity::wireName);
        anyOf(b, ASPECTS, f.aspects(), Function.identity());
        anyOf(b, ASPECT_POLARITIES, f.aspectPolarities(), Function.identity());
        anyOf(b, SEGMENT, f.segments(), Segment::wireName);
        anyOf(b, NPS_CLASS, f.npsClasses(), NpsClass::wireName);
        anyOf(b, AUTHOR_ID, f.authorIds(), Function.identity());
        anyOf(b, WEEK, f.weeks(), Function.identity());
        anyOf(b, DAY, f.days(), Function.identity());
        anyOf(b, ID, f.ids(), Function.identity());
        anyOf(b, FLAGS, f.flags(), Function.identity());
        if (f.ratingScale() != null) {
            b.filter(term(RATING_SCALE, f.ratingScale().wireName()));
        }
        if (f.ratingMin() != null || f.ratingMax() != null) {
            b.filter(q -> q.range(r -> r.number(n -> {
                n.field(RATING_VALUE);
                if (f.ratingMin() != null) {
                    n.gte(f.ratingMin());
                }
                if (f.ratingMax() != null) {
                    n.lte(f.ratingMax());
                }
                return n;
            })));
        }
        if (f.replyTo() != null) {
            b.filter(term(REPLY_TO, f.replyTo()));
        }
        if (f.official() != null) {
            b.filter(q -> q.term(t -> t.field(OFFICIAL).value(f.official())));
        }
        if (!f.excludeFlags().isEmpty()) {
            b.mustNot(terms(FLAGS, f.excludeFlags(), Function.identity()));
        }
        for (String token : f.terms()) {
            b.filter(term(TOKENS, token));
        }
        BoolQuery bool = b.build();
        return Query.of(q -> q.constantScore(c -> c.filter(Query.of(x -> x.bool(bool)))));
    }

    static Query ids(Collection<String> ids) {
        return terms(ID, Set.copyOf(ids), Function.identity());
    }

    /** [from, to) on epoch nanoseconds, as exact JSON longs. */
    private static Query nanosRange(FeedbackFilter f) {
        long lo = f.from() == null ? Long.MIN_VALUE : FeedbackDocuments.nanos(f.from());
        long hi = f.to() == null ? Long.MAX_VALUE : FeedbackDocuments.nanos(f.to());
        if (f.to() != null && hi <= lo) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        // untyped range with JSON longs: the typed number range takes doubles, which cannot hold nanoseconds exactly
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(CREATED_AT_NANOS).gte(JsonData.of(lo));
            if (f.to() != null) {
                u.lt(JsonData.of(hi));
            }
            return u;
        })));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static <T> void anyOf(BoolQuery.Builder b, String field, Set<T> values, Function<T, String> wire) {
        if (!values.isEmpty()) {
            b.filter(terms(field, values, wire));
        }
    }

    private static <T> Query terms(String field, Set<T> values, Function<T, String> wire) {
        if (values.size() == 1) {
            return term(field, wire.apply(values.iterator().next()));
        }
        List<FieldValue> v = values.stream().map(x -> FieldValue.of(wire.apply(x))).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
    }
}
