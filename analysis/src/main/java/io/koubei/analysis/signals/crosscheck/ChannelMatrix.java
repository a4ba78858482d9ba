package io.koubei.analysis.signals.crosscheck;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import io.koubei.analysis.signals.BucketTable;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The weekly cross-channel matrix (多路交叉验证): per channel — or per department (product ← community and
 * reviews, PR ← social, service ← tickets, quality ← QC) — volume, net sentiment, NPS where present and the
 * top negative aspects, side by side so no single channel's bias misleads.
 *
 * <p>Inputs: {@code overall} grouped by WEEK × CHANNEL, {@code aspects} grouped by WEEK × CHANNEL ×
 * ASPECT_POLARITY (same filter).
 */
public final class ChannelMatrix {
    private ChannelMatrix() {
    }

    /**
     * A WEEK × CHANNEL (× …) table with channels replaced by their departments (product, pr, service, sales,
     * quality), so that {@link DivergenceDetector} can compare departments instead of channels.
     */
    public static BucketTable toDepartments(BucketTable byChannel) {
        return byChannel.mapValues(Dimension.CHANNEL, ch -> Channel.fromWire(ch).map(Channel::department).orElse(ch));
    }

    public static List<ChannelRow> byChannel(BucketTable overall, BucketTable aspects, String week, int minimumN, int topN) {
        return rows(overall, aspects, week, minimumN, topN, ch -> ch);
    }

    public static List<ChannelRow> byDepartment(BucketTable overall, BucketTable aspects, String week, int minimumN,
            int topN) {
        return rows(overall, aspects, week, minimumN, topN,
                ch -> Channel.fromWire(ch).map(Channel::department).orElse(ch));
    }

    private static List<ChannelRow> rows(BucketTable overall, BucketTable aspects, String week, int minimumN, int topN,
            Function<String, String> scopeOf) {
        overall.require("ChannelMatrix (overall)", Dimension.WEEK, Dimension.CHANNEL);
        aspects.require("ChannelMatrix (aspects)", Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY);
        Map<String, BucketStats> stats = new TreeMap<>();
        for (Bucket b : overall.where(overall.eq(Dimension.WEEK, week))) {
            stats.merge(scopeOf.apply(overall.value(b, Dimension.CHANNEL)), b.stats(), BucketStats::plus);
        }
        Map<String, Map<String, Long>> negatives = new TreeMap<>();
        for (Bucket b : aspects.where(aspects.eq(Dimension.WEEK, week))) {
            String ap = aspects.value(b, Dimension.ASPECT_POLARITY);
            if (!ap.endsWith(":negative")) {
                continue;
            }
            negatives.computeIfAbsent(scopeOf.apply(aspects.value(b, Dimension.CHANNEL)), k -> new TreeMap<>())
                    .merge(ap.substring(0, ap.length() - ":negative".length()), b.stats().count(), Long::sum);
        }
        List<ChannelRow> out = new ArrayList<>();
        stats.forEach((scope, s) -> {
            List<ChannelRow.AspectCount> top = negatives.getOrDefault(scope, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(topN).map(e -> new ChannelRow.AspectCount(e.getKey(), e.getValue())).toList();
            String dept = Channel.fromWire(scope).map(Channel::department).orElse(scope);
            out.add(new ChannelRow(scope, dept, s.count(), NetSentiment.of(s, minimumN),
                    s.npsResponses() == 0 ? null : NpsScore.of(s, minimumN), top));
        });
        out.sort(Comparator.comparingLong(ChannelRow::volume).reversed().thenComparing(ChannelRow::scope));
        return out;
    }
}
