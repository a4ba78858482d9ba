package io.koubei.analysis.signals.segment;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.SampleText;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Core users' opinion points ranked by frequency and recency: each mention weighs 0.5^(age/half-life), so ten
 * mentions this week outrank ten from two months ago. Pass core users' items (segment CORE or classified).
 *
 * <p>Blind spots: as good as the aspect extraction — an opinion the analyzer did not map to an aspect is
 * not here; the same complaint split across two versions (or with and without version) ranks as two points;
 * one author repeating a point counts each time in {@code mentions} (see {@code authors}).
 */
public final class OpinionPointRanking {
    private final Duration halfLife;
    private final int maxSnippets;

    public OpinionPointRanking(Duration halfLife, int maxSnippets) {
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive");
        }
        this.halfLife = halfLife;
        this.maxSnippets = maxSnippets;
    }

    public OpinionPointRanking() {
        this(Duration.ofDays(7), 3);
    }

    /** All opinion points of the items as of {@code asOf}, best first; ties by mentions, then aspect. */
    public List<RankedOpinion> rank(Collection<AnalyzedFeedback> items, Instant asOf) {
        record Key(String aspect, Polarity polarity, String product, String version) {
        }
        Map<Key, List<AnalyzedFeedback>> groups = new LinkedHashMap<>();
        Map<Key, List<String>> snippets = new LinkedHashMap<>();
        for (AnalyzedFeedback f : items) {
            if (f.item().createdAt().isAfter(asOf)) {
                continue;
            }
            Set<Key> seen = new HashSet<>();
            for (OpinionPoint o : f.analysis().opinions()) {
                if (o.aspect() == null) {
                    continue;
                }
                Key k = new Key(o.aspect(), o.polarity(), f.item().product(), f.item().productVersion());
                if (seen.add(k)) {
                    groups.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
                    snippets.computeIfAbsent(k, x -> new ArrayList<>()).add(o.snippet() == null ? f.item().text() : o.snippet());
                }
            }
        }
        double hl = halfLife.toMillis();
        List<RankedOpinion> out = new ArrayList<>();
        groups.forEach((k, list) -> {
            double score = 0;
            Instant first = null;
            Instant last = null;
            Set<String> authors = new HashSet<>();
            for (AnalyzedFeedback f : list) {
                Instant t = f.item().createdAt();
                double age = Math.max(0, Duration.between(t, asOf).toMillis());
                score += Math.pow(0.5, age / hl);
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
                authors.add(Objects.requireNonNullElse(f.item().authorId(), f.id()));
            }
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(snippets.get(k)));
            List<String> shown = distinct.subList(0, Math.min(maxSnippets, distinct.size())).stream()
                    .map(SampleText::of).toList();
            out.add(new RankedOpinion(k.aspect(), k.polarity(), k.product(), k.version(), list.size(), authors.size(),
                    first, last, score, shown, list.stream().map(AnalyzedFeedback::id).toList()));
        });
        out.sort(Comparator.comparingDouble(RankedOpinion::score).reversed()
                .thenComparing(Comparator.comparingInt(RankedOpinion::mentions).reversed())
                .thenComparing(RankedOpinion::aspect));
        return out;
    }

    /** The day × opinion table {@link #rank(BucketTable, BucketTable, Instant, ZoneId)} reads. */
    public static final List<Dimension> BY_DAY =
            List.of(Dimension.DAY, Dimension.ASPECT_POLARITY, Dimension.PRODUCT, Dimension.PRODUCT_VERSION);
    /** The opinion × author table it reads for distinct authors. */
    public static final List<Dimension> BY_AUTHOR =
            List.of(Dimension.ASPECT_POLARITY, Dimension.PRODUCT, Dimension.PRODUCT_VERSION, Dimension.AUTHOR);

    /**
     * The same ranking from the store's counts, without reading items: mentions and distinct authors are exact (an
     * anonymous item counts as its own author, as above); a mention's age is that of the middle of its day in the
     * team's zone, so scores are those of {@link #rank(Collection, Instant)} to within half a day of decay (at most
     * 5% for the default half-life of a week). Snippets and item ids are not in counts: the caller reads a few items
     * of the points it shows, and drill-downs find the items by filter. Pass tables of items up to {@code asOf}.
     */
    public List<RankedOpinion> rank(BucketTable byDay, BucketTable byAuthor, Instant asOf, ZoneId zone) {
        byDay.require("opinion ranking", BY_DAY.toArray(Dimension[]::new));
        byAuthor.require("opinion ranking", BY_AUTHOR.toArray(Dimension[]::new));
        record Key(String aspect, Polarity polarity, String product, String version) {
        }
        record Acc(int[] mentions, double[] score, LocalDate[] first, LocalDate[] last) {
        }
        double hl = halfLife.toMillis();
        Map<Key, Acc> acc = new LinkedHashMap<>();
        for (Bucket b : byDay.buckets()) {
            Key k = key(byDay, b, Key::new);
            if (k == null) {
                continue;
            }
            LocalDate day = LocalDate.parse(byDay.value(b, Dimension.DAY));
            Instant noon = day.atStartOfDay(zone).plusHours(12).toInstant();
            double age = Math.max(0, Duration.between(noon, asOf).toMillis());
            Acc a = acc.computeIfAbsent(k, x -> new Acc(new int[1], new double[1], new LocalDate[1], new LocalDate[1]));
            a.mentions()[0] += (int) b.stats().count();
            a.score()[0] += b.stats().count() * Math.pow(0.5, age / hl);
            a.first()[0] = a.first()[0] == null || day.isBefore(a.first()[0]) ? day : a.first()[0];
            a.last()[0] = a.last()[0] == null || day.isAfter(a.last()[0]) ? day : a.last()[0];
        }
        Map<Key, Integer> authors = new LinkedHashMap<>();
        for (Bucket b : byAuthor.buckets()) {
            Key k = key(byAuthor, b, Key::new);
            if (k != null) {
                boolean anonymous = Dimension.NONE.equals(byAuthor.value(b, Dimension.AUTHOR));
                authors.merge(k, anonymous ? (int) b.stats().count() : 1, Integer::sum);
            }
        }
        List<RankedOpinion> out = new ArrayList<>();
        acc.forEach((k, a) -> out.add(new RankedOpinion(k.aspect(), k.polarity(), k.product(), k.version(),
                a.mentions()[0], authors.getOrDefault(k, 0), a.first()[0].atStartOfDay(zone).toInstant(),
                a.last()[0].atStartOfDay(zone).toInstant(), a.score()[0], List.of(), List.of())));
        out.sort(Comparator.comparingDouble(RankedOpinion::score).reversed()
                .thenComparing(Comparator.comparingInt(RankedOpinion::mentions).reversed())
                .thenComparing(RankedOpinion::aspect));
        return out;
    }

    private interface KeyMaker<K> {
        K make(String aspect, Polarity polarity, String product, String version);
    }

    /** The opinion of a bucket, or null for items naming no aspect. */
    private static <K> K key(BucketTable t, Bucket b, KeyMaker<K> make) {
        String ap = t.value(b, Dimension.ASPECT_POLARITY);
        int colon = ap.lastIndexOf(':');
        if (Dimension.NONE.equals(ap) || colon <= 0) {
            return null;
        }
        Polarity polarity;
        try {
            polarity = Polarity.fromWire(ap.substring(colon + 1));
        } catch (IllegalArgumentException notAPolarity) {
            return null;
        }
        return make.make(ap.substring(0, colon), polarity, orNull(t.value(b, Dimension.PRODUCT)),
                orNull(t.value(b, Dimension.PRODUCT_VERSION)));
    }

    private static String orNull(String v) {
        return Dimension.NONE.equals(v) ? null : v;
    }
}
