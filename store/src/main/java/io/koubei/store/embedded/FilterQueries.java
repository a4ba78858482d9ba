package io.koubei.store.embedded;

import static io.koubei.store.embedded.IndexFields.*;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.FeedbackFilter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Translates a {@link FeedbackFilter} into one non-scoring Lucene query: fields AND-ed, values of a set OR-ed. */
final class FilterQueries {
    private FilterQueries() {
    }

    static Query of(FeedbackFilter f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (f.from() != null || f.to() != null) {
            long lo = f.from() == null ? Long.MIN_VALUE : nanos(f.from());
            long toExclusive = f.to() == null ? Long.MAX_VALUE : nanos(f.to());
            if (f.to() != null && (toExclusive == Long.MIN_VALUE || toExclusive <= lo)) {
                return new MatchNoDocsQuery("empty time range");
            }
            long hi = f.to() == null ? Long.MAX_VALUE : toExclusive - 1;
            b.add(LongPoint.newRangeQuery(CREATED_AT, lo, hi), Occur.FILTER);
        }
        anyOf(b, CHANNEL, f.channels(), Channel::wireName);
        anyOf(b, SOURCE, f.sources(), Function.identity());
        anyOf(b, PRODUCT, f.products(), Function.identity());
        anyOf(b, PRODUCT_VERSION, f.productVersions(), Function.identity());
        anyOf(b, POLARITY, f.polarities(), Polarity::wireName);
        anyOf(b, ASPECT, f.aspects(), Function.identity());
        anyOf(b, ASPECT_POLARITY, f.aspectPolarities(), Function.identity());
        anyOf(b, SEGMENT, f.segments(), Segment::wireName);
        anyOf(b, NPS_CLASS, f.npsClasses(), NpsClass::wireName);
        anyOf(b, AUTHOR, f.authorIds(), Function.identity());
        anyOf(b, WEEK, f.weeks(), Function.identity());
        anyOf(b, DAY, f.days(), Function.identity());
        anyOf(b, ID, f.ids(), Function.identity());
        anyOf(b, FLAG, f.flags(), Function.identity());
        if (f.ratingScale() != null) {
            b.add(new TermQuery(new Term(RATING_SCALE, f.ratingScale().wireName())), Occur.FILTER);
        }
        if (f.ratingMin() != null || f.ratingMax() != null) {
            double min = f.ratingMin() == null ? Double.NEGATIVE_INFINITY : f.ratingMin();
            double max = f.ratingMax() == null ? Double.POSITIVE_INFINITY : f.ratingMax();
            b.add(DoublePoint.newRangeQuery(RATING, min, max), Occur.FILTER);
        }
        if (f.replyTo() != null) {
            b.add(new TermQuery(new Term(REPLY_TO, f.replyTo())), Occur.FILTER);
        }
        if (f.official() != null) {
            b.add(new TermQuery(new Term(OFFICIAL, f.official().toString())), Occur.FILTER);
        }
        if (!f.excludeFlags().isEmpty()) {
            b.add(termSet(FLAG, f.excludeFlags(), Function.identity()), Occur.MUST_NOT);
        }
        for (String term : f.terms()) {
            b.add(new TermQuery(new Term(TOKEN, term)), Occur.FILTER);
        }
        BooleanQuery q = b.build();
        if (q.clauses().isEmpty()) {
            return new MatchAllDocsQuery();
        }
        boolean onlyExclusions = q.clauses().stream().allMatch(c -> c.getOccur() == Occur.MUST_NOT);
        if (onlyExclusions) {
            b.add(new MatchAllDocsQuery(), Occur.FILTER);
            q = b.build();
        } else if (q.clauses().size() == 1) {
            return new ConstantScoreQuery(q.clauses().get(0).getQuery());
        }
        return new ConstantScoreQuery(q);
    }

    private static <T> void anyOf(BooleanQuery.Builder b, String field, Set<T> values, Function<T, String> wire) {
        if (!values.isEmpty()) {
            b.add(termSet(field, values, wire), Occur.FILTER);
        }
    }

    private static <T> Query termSet(String field, Set<T> values, Function<T, String> wire) {
        if (values.size() == 1) {
            return new TermQuery(new Term(field, wire.apply(values.iterator().next())));
        }
        Collection<BytesRef> terms = values.stream().map(v -> new BytesRef(wire.apply(v))).toList();
        return new TermInSetQuery(field, terms);
    }

    static Query ids(Collection<String> ids) {
        List<BytesRef> terms = ids.stream().distinct().map(BytesRef::new).toList();
        return terms.isEmpty() ? new MatchNoDocsQuery() : new TermInSetQuery(ID, terms);
    }
}
