package io.koubei.analysis.signals.survey;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * NPS drivers per aspect from NPS answers with comment analysis (metrics.md): for each aspect, the share of
 * detractors vs promoters who mention it negatively, and "NPS without this aspect's detractors" (those
 * detractors counted as passives — the score cannot drop below what fixing the aspect would leave).
 *
 * <p>Blind spots: only what respondents write counts (an aspect nobody names in the comment is invisible);
 * the "without" figure assumes fixing the aspect makes those detractors passive, not promoters — a
 * what-if, not a forecast; aspects mentioned by fewer than {@code minMentions} detractors are left out.
 */
public final class NpsDrivers {
    private NpsDrivers() {
    }

    /** Drivers ordered by gap, largest first; empty when fewer than {@code minimumN} answers. */
    public static List<NpsDriver> compute(Collection<AnalyzedFeedback> items, int minimumN, int minMentions) {
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        Map<String, long[]> mentions = new TreeMap<>();
        Map<String, List<String>> ids = new TreeMap<>();
        for (AnalyzedFeedback f : items) {
            NpsClass c = f.analysis().npsClass();
            if (c == null) {
                continue;
            }
            switch (c) {
                case PROMOTER -> promoters++;
                case PASSIVE -> passives++;
                case DETRACTOR -> detractors++;
            }
            Set<String> negative = new HashSet<>();
            for (OpinionPoint o : f.analysis().opinions()) {
                if (o.polarity() == Polarity.NEGATIVE && o.aspect() != null) {
                    negative.add(o.aspect());
                }
            }
            for (String a : negative) {
                long[] m = mentions.computeIfAbsent(a, k -> new long[3]);
                m[c.ordinal()]++;
                if (c == NpsClass.DETRACTOR) {
                    List<String> l = ids.computeIfAbsent(a, k -> new ArrayList<>());
                    if (l.size() < 50) {
                        l.add(f.id());
                    }
                }
            }
        }
        long n = promoters + passives + detractors;
        if (n < minimumN) {
            return List.of();
        }
        double nps = 100.0 * (promoters - detractors) / n;
        List<NpsDriver> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : mentions.entrySet()) {
            long dm = e.getValue()[NpsClass.DETRACTOR.ordinal()];
            long pm = e.getValue()[NpsClass.PROMOTER.ordinal()];
            if (dm < minMentions) {
                continue;
            }
            double dr = detractors == 0 ? 0 : (double) dm / detractors;
            double pr = promoters == 0 ? 0 : (double) pm / promoters;
            double without = 100.0 * (promoters - (detractors - dm)) / n;
            out.add(new NpsDriver(e.getKey(), detractors, dm, promoters, pm, dr, pr, dr - pr, nps, without,
                    ids.getOrDefault(e.getKey(), List.of())));
        }
        out.sort(Comparator.comparingDouble(NpsDriver::gap).reversed().thenComparing(NpsDriver::aspect));
        return out;
    }
}
