package io.koubei.analysis.signals.cocoon;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** CR10, HHI, effective number of voices and top-20 overlap (metrics.md). */
public final class VoiceConcentration {
    public static final int TOP = 20;

    private VoiceConcentration() {
    }

    public static Concentration of(Map<String, Double> weightByAccount) {
        double total = 0;
        for (double w : weightByAccount.values()) {
            total += w;
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(weightByAccount.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        double hhi = 0;
        double top10 = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double s = total == 0 ? 0 : sorted.get(i).getValue() / total;
            hhi += s * s;
            if (i < 10) {
                top10 += s;
            }
        }
        List<String> top = sorted.stream().limit(TOP).map(Map.Entry::getKey).toList();
        return new Concentration(total, sorted.size(), top10, hhi, hhi == 0 ? 0 : 1 / hhi, top);
    }

    /** From buckets grouped by AUTHOR (other dimensions summed): item counts per account. */
    public static Concentration ofBuckets(BucketTable table) {
        table.require("VoiceConcentration", Dimension.AUTHOR);
        Map<String, Double> w = new TreeMap<>();
        for (Bucket b : table.buckets()) {
            String a = table.value(b, Dimension.AUTHOR);
            if (!Dimension.NONE.equals(a)) {
                w.merge(a, (double) b.stats().count(), Double::sum);
            }
        }
        return of(w);
    }

    /** Share of this week's top accounts that were also top last week (0 when either is empty). */
    public static double overlap(Collection<String> topNow, Collection<String> topBefore) {
        if (topNow.isEmpty() || topBefore.isEmpty()) {
            return 0;
        }
        Set<String> before = new HashSet<>(topBefore);
        return (double) topNow.stream().filter(before::contains).count() / topNow.size();
    }
}
