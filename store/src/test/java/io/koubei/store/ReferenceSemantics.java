package io.koubei.store;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The store contract written as plain Java over a list: what every store must return for a filter, an order or an
 * aggregate. Tests compute expected results with it, independently of any index, and compare.
 */
public final class ReferenceSemantics {
    /** Search order: newest first, ties by id. */
    public static final Comparator<AnalyzedFeedback> NEWEST_FIRST =
            Comparator.comparing((AnalyzedFeedback f) -> f.item().createdAt()).reversed()
                    .thenComparing(AnalyzedFeedback::id);
    /** Scan order: oldest first, ties by id. */
    public static final Comparator<AnalyzedFeedback> OLDEST_FIRST =
            Comparator.comparing((AnalyzedFeedback f) -> f.item().createdAt()).thenComparing(AnalyzedFeedback::id);
    /** Bucket order: key elements compared one by one as strings. */
    public static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private ReferenceSemantics() {
    }

    public static List<AnalyzedFeedback> select(List<AnalyzedFeedback> items, FeedbackFilter f) {
        return items.stream().filter(a -> matches(f, a)).collect(Collectors.toList());
    }

    public static boolean matches(FeedbackFilter f, AnalyzedFeedback a) {
        FeedbackItem it = a.item();
        if (f.from() != null && it.createdAt().isBefore(f.from())) {
            return false;
        }
        if (f.to() != null && !it.createdAt().isBefore(f.to())) {
            return false;
        }
        if (!f.channels().isEmpty() && !f.channels().contains(it.channel())) return false;
        if (!anyOf(f.sources(), it.source())) return false;
        if (!anyOf(f.products(), it.product())) return false;
        if (!anyOf(f.productVersions(), it.productVersion())) return false;
        if (!f.polarities().isEmpty() && !f.polarities().contains(a.analysis().sentiment().polarity())) return false;
        if (!intersects(f.aspects(), values(a, Dimension.ASPECT))) return false;
        if (!intersects(f.aspectPolarities(), values(a, Dimension.ASPECT_POLARITY))) return false;
        if (!f.segments().isEmpty() && (a.analysis().segment() == null || !f.segments().contains(a.analysis().segment()))) return false;
        if (!f.npsClasses().isEmpty() && (a.analysis().npsClass() == null || !f.npsClasses().contains(a.analysis().npsClass()))) return false;
        if (f.ratingScale() != null && (it.rating() == null || it.rating().scale() != f.ratingScale())) return false;
        if (f.ratingMin() != null && (it.rating() == null || it.rating().value() < f.ratingMin())) return false;
        if (f.ratingMax() != null && (it.rating() == null || it.rating().value() > f.ratingMax())) return false;
        if (!anyOf(f.authorIds(), it.authorId())) return false;
        if (!anyOf(f.weeks(), a.week())) return false;
        if (!anyOf(f.days(), a.day())) return false;
        if (!anyOf(f.ids(), it.id())) return false;
        if (f.replyTo() != null && !f.replyTo().equals(it.replyTo())) return false;
        if (f.official() != null && f.official() != it.fromOfficialAccount()) return false;
        if (!intersects(f.flags(), a.analysis().flags())) return false;
        if (a.analysis().flags().stream().anyMatch(f.excludeFlags()::contains)) return false;
        return a.analysis().tokens().containsAll(f.terms());
    }

    private static boolean anyOf(Set<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value));
    }

    private static boolean intersects(Set<String> wanted, Iterable<String> values) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (String v : values) {
            if (wanted.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** The distinct values of one dimension for one item; {@link Dimension#NONE} alone when it has none. */
    public static List<String> bucketKeys(AnalyzedFeedback a, Dimension d) {
        List<String> v = values(a, d);
        return v.isEmpty() ? List.of(Dimension.NONE) : v;
    }

    static List<String> values(AnalyzedFeedback a, Dimension d) {
        FeedbackItem it = a.item();
        Set<String> out = new LinkedHashSet<>();
        switch (d) {
            case WEEK -> out.add(a.week());
            case DAY -> out.add(a.day());
            case CHANNEL -> out.add(it.channel().wireName());
            case SOURCE -> out.add(it.source());
            case PRODUCT -> out.add(it.product());
            case PRODUCT_VERSION -> out.add(it.productVersion());
            case POLARITY -> out.add(a.analysis().sentiment().polarity().wireName());
            case NPS_CLASS -> out.add(a.analysis().npsClass() == null ? null : a.analysis().npsClass().wireName());
            case SEGMENT -> out.add(a.analysis().segment() == null ? null : a.analysis().segment().wireName());
            case AUTHOR -> out.add(it.authorId());
            case ASPECT -> a.analysis().opinions().forEach(op -> out.add(op.aspect()));
            case ASPECT_POLARITY -> a.analysis().opinions().stream().map(OpinionPoint::aspectPolarityKey).forEach(out::add);
            case FLAG -> out.addAll(a.analysis().flags());
        }
        out.remove(null);
        return new ArrayList<>(out);
    }

    /** Aggregate by plain grouping: each item adds {@link BucketStats#of} to every combination of its keys. */
    public static List<Bucket> aggregate(List<AnalyzedFeedback> items, AggregateQuery q) {
        Map<List<String>, BucketStats> groups = new HashMap<>();
        for (AnalyzedFeedback a : select(items, q.filter())) {
            List<List<String>> keys = List.of(List.of());
            for (Dimension d : q.groupBy()) {
                List<List<String>> next = new ArrayList<>();
                for (List<String> prefix : keys) {
                    for (String v : bucketKeys(a, d)) {
                        List<String> k = new ArrayList<>(prefix);
                        k.add(v);
                        next.add(k);
                    }
                }
                keys = next;
            }
            for (List<String> k : keys) {
                groups.merge(List.copyOf(k), BucketStats.of(a), BucketStats::plus);
            }
        }
        if (q.groupBy().isEmpty() && groups.isEmpty()) {
            return List.of(new Bucket(List.of(), BucketStats.ZERO));
        }
        return groups.entrySet().stream()
                .map(e -> new Bucket(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Bucket::key, KEY_ORDER))
                .collect(Collectors.toList());
    }
}
