package io.koubei.analysis.signals.segment;

import io.koubei.analysis.signals.SampleText;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import java.time.Duration;
import java.time.Instant;
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
}
