package io.koubei.store.elasticsearch;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The FeedbackStore contract written out naively over a list, as the expected side of the ES tests: every answer
 * of the store must equal what this computes item by item.
 */
final class ReferenceModel {
    static final Comparator<AnalyzedFeedback> NEWEST_FIRST = Comparator
            .comparing((AnalyzedFeedback f) -> f.item().createdAt()).reversed()
            .thenComparing(AnalyzedFeedback::id);
    static final Comparator<AnalyzedFeedback> OLDEST_FIRST = Comparator
            .comparing((AnalyzedFeedback f) -> f.item().createdAt())
            .thenComparing(AnalyzedFeedback::id);

    private ReferenceModel() {
    }

    static boolean matches(FeedbackFilter q, AnalyzedFeedback f) {
        FeedbackItem i = f.item();
        return (q.from() == null || !i.createdAt().isBefore(q.from()))
                && (q.to() == null || i.createdAt().isBefore(q.to()))
                && any(q.channels(), i.channel())
                && any(q.sources(), i.source())
                && any(q.products(), i.product())
                && any(q.productVersions(), i.productVersion())
                && any(q.polarities(), f.analysis().sentiment().polarity())
                && anyOf(q.aspects(), values(f, Dimension.ASPECT))
                && anyOf(q.aspectPolarities(), values(f, Dimension.ASPECT_POLARITY))
                && any(q.segments(), f.analysis().segment())
                && any(q.npsClasses(), f.analysis().npsClass())
                && (q.ratingScale() == null || i.rating() != null && i.rating().scale() == q.ratingScale())
                && (q.ratingMin() == null || i.rating() != null && i.rating().value() >= q.ratingMin())
                && (q.ratingMax() == null || i.rating() != null && i.rating().value() <= q.ratingMax())
                && any(q.authorIds(), i.authorId())
                && any(q.weeks(), f.week())
                && any(q.days(), f.day())
                && any(q.ids(), i.id())
                && (q.replyTo() == null || q.replyTo().equals(i.replyTo()))
                && (q.official() == null || q.official() == i.fromOfficialAccount())
                && anyOf(q.flags(), f.analysis().flags())
                && f.analysis().flags().stream().noneMatch(q.excludeFlags()::contains)
                && f.analysis().tokens().containsAll(q.terms());
    }

    static List<AnalyzedFeedback> filter(Collection<AnalyzedFeedback> all, FeedbackFilter q, Comparator<AnalyzedFeedback> order) {
        return all.stream().filter(f -> matches(q, f)).sorted(order).toList();
    }

    static List<Bucket> aggregate(Collection<AnalyzedFeedback> all, AggregateQuery q) {
        Map<List<String>, BucketStats> sums = new TreeMap<>((a, b) -> {
            for (int k = 0; k < a.size(); k++) {
                int c = a.get(k).compareTo(b.get(k));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        for (AnalyzedFeedback f : all) {
            if (!matches(q.filter(), f)) {
                continue;
            }
            List<List<String>> keys = List.of(List.of());
            for (Dimension d : q.groupBy()) {
                Set<String> vs = values(f, d);
                Collection<String> dimValues = vs.isEmpty() ? List.of(Dimension.NONE) : vs;
                keys = keys.stream().flatMap(k -> dimValues.stream().map(v -> {
                    List<String> nk = new ArrayList<>(k);
                    nk.add(v);
                    return nk;
                })).toList();
            }
            for (List<String> k : keys) {
                sums.merge(k, BucketStats.of(f), BucketStats::plus);
            }
        }
        if (q.groupBy().isEmpty() && sums.isEmpty()) {
            return List.of(new Bucket(List.of(), BucketStats.ZERO));
        }
        return sums.entrySet().stream().map(e -> new Bucket(e.getKey(), e.getValue())).toList();
    }

    static Set<String> values(AnalyzedFeedback f, Dimension d) {
        FeedbackItem i = f.item();
        Stream<String> s = switch (d) {
            case WEEK -> Stream.of(f.week());
            case DAY -> Stream.of(f.day());
            case CHANNEL -> Stream.of(i.channel().wireName());
            case SOURCE -> Stream.of(i.source());
            case PRODUCT -> Stream.of(i.product());
            case PRODUCT_VERSION -> Stream.of(i.productVersion());
            case POLARITY -> Stream.of(f.analysis().sentiment().polarity().wireName());
            case NPS_CLASS -> Stream.of(f.analysis().npsClass() == null ? null : f.analysis().npsClass().wireName());
            case SEGMENT -> Stream.of(f.analysis().segment() == null ? null : f.analysis().segment().wireName());
            case ASPECT -> f.analysis().opinions().stream().map(OpinionPoint::aspect);
            case ASPECT_POLARITY -> f.analysis().opinions().stream().map(OpinionPoint::aspectPolarityKey);
            case AUTHOR -> Stream.of(i.authorId());
            case FLAG -> f.analysis().flags().stream();
        };
        Set<String> out = new LinkedHashSet<>();
        s.forEach(v -> {
            if (v != null) {
                out.add(v);
            }
        });
        return out;
    }

    private static <T> boolean any(Set<T> wanted, T value) {
        return wanted.isEmpty() || value != null && wanted.contains(value);
    }

    private static <T> boolean anyOf(Set<T> wanted, Collection<T> values) {
        return wanted.isEmpty() || !java.util.Collections.disjoint(wanted, new HashSet<>(values));
    }
}
