package io.koubei.analysis.signals.crosscheck;

import io.koubei.analysis.metrics.Interval;
import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.RobustStats;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.Weeks;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Divergence between channels (metrics.md, DIGEST's cautionary launch): over the same window, one channel's
 * net sentiment rises beyond noise while another channel's negative mentions of an aspect rise
 * significantly — or its negative items as a whole do, or its net sentiment falls. Names both channels, the aspect
 * (when one stands out) and the evidence.
 *
 * <p>"Beyond noise": net sentiment of the pooled recent window vs the pooled baseline window, the interval
 * of the difference at {@code sentimentZ} (99%) excluding 0 and the move ≥ {@code minSentimentDelta}. "Rises significantly" for an aspect:
 * recent negative mentions ≥ {@code minAspectCount}, ≥ {@code minAspectRatio} × the baseline rate (median
 * weekly count × recent weeks) and Poisson p &lt; {@code maxPValue} / the number of aspects tested in that channel
 * (every aspect of every channel is tested every week: without the correction noise alone would raise one now and
 * then). Weeks before the data start are no baseline: an aspect needs two baseline weeks with data.
 *
 * <p>Inputs: {@code overall} grouped by WEEK × CHANNEL, {@code aspects} by WEEK × CHANNEL × ASPECT_POLARITY,
 * covering recent + baseline weeks (filter by product to get per-product verdicts). For departments instead of
 * channels pass both tables through {@link ChannelMatrix#toDepartments}; the signal then names the departments in
 * its title and {@code subject} ({@code pr→service}) and has no channel list.
 *
 * <p>Blind spots: needs both channels to have enough volume; a rise that started inside the baseline window
 * is partly absorbed; divergence in the same direction (everyone is unhappy) is not a divergence — spikes
 * and NPS alerts cover that; the aspect must be extracted from tickets, whose wording differs from social
 * posts.
 */
public final class DivergenceDetector {
    private static final double Z = 1.959963984540054;
    private static final int MIN_BASELINE_WEEKS = 2;
    private final DivergenceParams params;
    private final String dataStart;

    public DivergenceDetector(DivergenceParams params) {
        this(params, null);
    }

    /** @param dataStart first week with data coverage (earlier weeks are not read as zero), or null */
    public DivergenceDetector(DivergenceParams params, String dataStart) {
        this.params = params;
        this.dataStart = dataStart;
    }

    public DivergenceDetector() {
        this(DivergenceParams.DEFAULTS);
    }

    public DivergenceParams params() {
        return params;
    }

    /**
     * How one channel moved: sentiment change (null when insufficient), its rising negative aspects, and whether its
     * negative items as a whole rose ({@code negativeItems}, null if not): a ticket surge spread over many aspects,
     * or on aspects the analyzer does not know, shows there even when no single aspect stands out.
     */
    public record ChannelTrend(String channel, NetSentiment baseline, NetSentiment recent, Interval change,
            List<AspectRise> risingAspects, AspectRise negativeItems) {
        public boolean sentimentUp(double minDelta) {
            return change != null && change.low() > 0 && change.value() >= minDelta;
        }

        public boolean sentimentDown(double minDelta) {
            return change != null && change.high() < 0 && change.value() <= -minDelta;
        }
    }

    /** Negative mentions of an aspect in the recent window vs its expected count. */
    public record AspectRise(String aspect, long recent, double expected, double ratio, double pValue,
            Map<String, Long> weekly) {
    }

    public List<ChannelTrend> trends(BucketTable overall, BucketTable aspects, String week) {
        overall.require("DivergenceDetector (overall)", Dimension.WEEK, Dimension.CHANNEL);
        aspects.require("DivergenceDetector (aspects)", Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY);
        List<String> recentWeeks = Weeks.endingAt(week, params.recentWeeks());
        List<String> baseWeeks = Weeks.before(recentWeeks.get(0), params.baselineWeeks()).stream()
                .filter(w -> dataStart == null || w.compareTo(dataStart) >= 0).toList();
        Set<String> recentSet = new HashSet<>(recentWeeks);
        Set<String> baseSet = new HashSet<>(baseWeeks);

        Map<String, BucketStats> recent = new TreeMap<>();
        Map<String, BucketStats> base = new TreeMap<>();
        Map<String, Map<String, Long>> negativeWeekly = new TreeMap<>();
        for (Bucket b : overall.buckets()) {
            String w = overall.value(b, Dimension.WEEK);
            String ch = overall.value(b, Dimension.CHANNEL);
            negativeWeekly.computeIfAbsent(ch, k -> new TreeMap<>()).merge(w, b.stats().negative(), Long::sum);
            if (recentSet.contains(w)) {
                recent.merge(ch, b.stats(), BucketStats::plus);
            } else if (baseSet.contains(w)) {
                base.merge(ch, b.stats(), BucketStats::plus);
            }
        }
        // channel → aspect → week → negative mentions
        Map<String, Map<String, Map<String, Long>>> neg = new TreeMap<>();
        for (Bucket b : aspects.buckets()) {
            String ap = aspects.value(b, Dimension.ASPECT_POLARITY);
            if (!ap.endsWith(":negative")) {
                continue;
            }
            neg.computeIfAbsent(aspects.value(b, Dimension.CHANNEL), k -> new TreeMap<>())
                    .computeIfAbsent(ap.substring(0, ap.length() - ":negative".length()), k -> new TreeMap<>())
                    .merge(aspects.value(b, Dimension.WEEK), b.stats().count(), Long::sum);
        }
        Set<String> channels = new java.util.TreeSet<>(recent.keySet());
        channels.addAll(base.keySet());
        channels.addAll(neg.keySet());
        List<ChannelTrend> out = new ArrayList<>();
        for (String ch : channels) {
            NetSentiment nb = NetSentiment.of(base.getOrDefault(ch, BucketStats.ZERO), params.minimumN());
            NetSentiment nr = NetSentiment.of(recent.getOrDefault(ch, BucketStats.ZERO), params.minimumN());
            Interval change = nb.sufficient() && nr.sufficient() ? diff(nr, nb, params.sentimentZ()) : null;
            List<AspectRise> rising = new ArrayList<>();
            Map<String, Map<String, Long>> chAspects = neg.getOrDefault(ch, Map.of());
            double aspectLevel = params.maxPValue() / Math.max(1, chAspects.size());
            for (Map.Entry<String, Map<String, Long>> e : chAspects.entrySet()) {
                AspectRise r = rise(e.getKey(), e.getValue(), recentWeeks, baseWeeks, params.minAspectCount(), aspectLevel);
                if (r != null) {
                    rising.add(r);
                }
            }
            rising.sort(Comparator.comparingDouble(AspectRise::pValue).thenComparing(AspectRise::aspect));
            AspectRise negative = rise(null, negativeWeekly.getOrDefault(ch, Map.of()), recentWeeks, baseWeeks,
                    Math.max(params.minAspectCount(), params.minimumN()), params.maxPValue());
            out.add(new ChannelTrend(ch, nb, nr, change, rising, negative));
        }
        return out;
    }

    public List<Signal> detect(BucketTable overall, BucketTable aspects, String week, String product) {
        List<ChannelTrend> trends = trends(overall, aspects, week);
        List<Signal> out = new ArrayList<>();
        for (ChannelTrend up : trends) {
            if (!up.sentimentUp(params.minSentimentDelta())) {
                continue;
            }
            Set<String> upRising = new HashSet<>();
            up.risingAspects().forEach(r -> upRising.add(r.aspect()));
            for (ChannelTrend other : trends) {
                if (other == up) {
                    continue;
                }
                List<AspectRise> contradicting = other.risingAspects().stream()
                        .filter(r -> !upRising.contains(r.aspect())).toList();
                boolean down = other.sentimentDown(params.minSentimentDelta());
                // more complaints in a channel while the glowing one has no more of its own
                // (and that channel was collected in the baseline too: a source connected later is no surge)
                AspectRise moreNegative = up.negativeItems() == null && other.baseline().sufficient()
                        ? other.negativeItems() : null;
                if (contradicting.isEmpty() && !down && moreNegative == null) {
                    continue;
                }
                out.add(signal(up, other, contradicting, down, moreNegative, week, product));
            }
        }
        return out;
    }

    private Signal signal(ChannelTrend up, ChannelTrend other, List<AspectRise> rising, boolean down,
            AspectRise moreNegative, String week, String product) {
        AspectRise top = rising.isEmpty() ? null : rising.get(0);
        Evidence.Builder ev = Evidence.builder()
                .figure("upBaselineNetSentiment", up.baseline().value())
                .figure("upRecentNetSentiment", up.recent().value())
                .figure("upChange", up.change().value()).figure("upChangeLow", up.change().low())
                .figure("upChangeHigh", up.change().high())
                .figure("upRecentN", up.recent().n()).figure("upBaselineN", up.baseline().n());
        if (other.change() != null) {
            ev.figure("otherChange", other.change().value()).figure("otherChangeLow", other.change().low())
                    .figure("otherChangeHigh", other.change().high());
        }
        if (top != null) {
            ev.figure("aspectRecentNegative", top.recent()).figure("aspectExpected", top.expected())
                    .figure("aspectRatio", top.ratio()).figure("aspectPValue", top.pValue())
                    .fact("aspectWeekly", top.weekly());
            if (rising.size() > 1) {
                ev.fact("otherRisingAspects", String.join(",", rising.subList(1, rising.size()).stream()
                        .map(AspectRise::aspect).toList()));
            }
        }
        if (moreNegative != null) {
            ev.figure("negativeRecent", moreNegative.recent()).figure("negativeExpected", moreNegative.expected())
                    .figure("negativeRatio", moreNegative.ratio()).figure("negativePValue", moreNegative.pValue())
                    .fact("negativeWeekly", moreNegative.weekly());
        }
        ev.fact("recentWeeks", Weeks.endingAt(week, params.recentWeeks()))
                .fact("baselineWeeks", Weeks.before(Weeks.endingAt(week, params.recentWeeks()).get(0), params.baselineWeeks()))
                .drillDown("week", week).drillDown("channel", other.channel())
                .drillDown("aspect_polarity", top == null ? null : top.aspect() + ":negative")
                .drillDown("polarity", top == null && moreNegative != null ? "negative" : null).drillDown("product", product);
        List<Channel> channels = new ArrayList<>();
        Channel.fromWire(up.channel()).ifPresent(channels::add);
        Channel.fromWire(other.channel()).ifPresent(channels::add);
        String what = top != null
                ? String.format("%s 上「%s」负面 %d 条（预期 %.1f，%.1f 倍）", other.channel(), top.aspect(), top.recent(),
                        top.expected(), top.ratio())
                : moreNegative != null
                ? String.format("%s 负面反馈 %d 条（预期 %.1f，%.1f 倍）", other.channel(), moreNegative.recent(),
                        moreNegative.expected(), moreNegative.ratio())
                : String.format("%s 净情感 %+.2f", other.channel(), other.change().value());
        StringBuilder d = new StringBuilder(String.format("近 %d 周 %s 净情感由 %.2f 升至 %.2f（%+.2f，99%% 区间 %+.2f…%+.2f），而 %s",
                params.recentWeeks(), up.channel(), up.baseline().value(), up.recent().value(), up.change().value(),
                up.change().low(), up.change().high(), what));
        if (top != null && down) {
            d.append(String.format("，且 %s 净情感下降 %+.2f", other.channel(), other.change().value()));
        }
        if (top != null && moreNegative != null) {
            d.append(String.format("，%s 负面反馈共 %d 条（%.1f 倍）", other.channel(), moreNegative.recent(), moreNegative.ratio()));
        }
        d.append("。单一渠道的好评不代表真实口碑，请核对两边的原始反馈。");
        String subject = channels.size() == 2 ? null : up.channel() + "→" + other.channel();
        return Signal.builder(SignalType.DIVERGENCE)
                .severity(top != null && (down || moreNegative != null) ? Severity.CRITICAL : Severity.WARNING)
                .week(week).channels(channels).subject(subject).aspect(top == null ? null : top.aspect()).product(product)
                .title(String.format("渠道背离：%s 好评上升，%s", up.channel(), what))
                .description(d.toString())
                .evidence(ev.build())
                .build();
    }

    private AspectRise rise(String aspect, Map<String, Long> weekly, List<String> recentWeeks, List<String> baseWeeks,
            long minCount, double maxPValue) {
        if (baseWeeks.size() < MIN_BASELINE_WEEKS) {
            return null;
        }
        long recent = 0;
        Map<String, Long> shown = new TreeMap<>();
        for (String w : recentWeeks) {
            long c = weekly.getOrDefault(w, 0L);
            recent += c;
            shown.put(w, c);
        }
        double[] history = new double[baseWeeks.size()];
        for (int i = 0; i < baseWeeks.size(); i++) {
            history[i] = weekly.getOrDefault(baseWeeks.get(i), 0L);
            shown.put(baseWeeks.get(i), (long) history[i]);
        }
        double expected = Math.max(RobustStats.median(history), 0.5) * recentWeeks.size();
        double ratio = recent / expected;
        double p = RobustStats.poissonUpperTail(recent, expected);
        if (recent < minCount || ratio < params.minAspectRatio() || p >= maxPValue) {
            return null;
        }
        return new AspectRise(aspect, recent, expected, ratio, p, shown);
    }

    /** Difference with an interval at {@code z} (variances recovered from the 95% intervals). */
    private static Interval diff(NetSentiment a, NetSentiment b, double z) {
        double va = Math.pow((a.high() - a.low()) / (2 * Z), 2);
        double vb = Math.pow((b.high() - b.low()) / (2 * Z), 2);
        double d = a.value() - b.value();
        double half = z * Math.sqrt(va + vb);
        return new Interval(d, d - half, d + half);
    }
}
