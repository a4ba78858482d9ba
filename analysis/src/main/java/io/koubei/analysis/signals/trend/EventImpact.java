package io.koubei.analysis.signals.trend;

import io.koubei.analysis.metrics.Interval;
import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.store.BucketStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Release-aware comparison: the {@code window} after an event against the {@code window} before it, for the
 * event's product (all products when it names none): volume, net sentiment, NPS, and the aspects whose
 * negative share rose. Raises EVENT_IMPACT when net sentiment fell significantly (95% interval of the
 * difference below 0) or an aspect's negative share rose significantly (99% interval — every aspect is tested —
 * above 0, with at least {@code minAspectCount} negative mentions after the event).
 *
 * <p>Blind spots: anything else that happened in the same windows (a competitor launch, a holiday, a second
 * event) is attributed to this event; an OTA reaches users over days, so a short window understates its
 * effect; items without a product are ignored when the event names one; a change that only shows in one
 * channel can be diluted by the others — run it per channel when that matters.
 */
public final class EventImpact {
    private static final double Z = 1.959963984540054;
    /** Aspect shifts are tested for every aspect at once: 99% keeps the family's false alarms rare. */
    private static final double Z99 = 2.5758293035489004;
    private final EventImpactParams params;

    public EventImpact(EventImpactParams params) {
        this.params = params;
    }

    public EventImpact() {
        this(EventImpactParams.DEFAULTS);
    }

    /** The counts one side of an event is judged on: its items' stats and, per aspect, items negative about it. */
    public record Window(BucketStats stats, Map<String, Long> negativeAspects) {
        public Window {
            negativeAspects = Map.copyOf(negativeAspects);
        }
    }

    /** Items the comparison covers: the event's product (all when it names none), {@code window} before and after. */
    public io.koubei.core.store.FeedbackFilter.Builder scope(ProductEvent event, boolean after) {
        var b = io.koubei.core.store.FeedbackFilter.builder()
                .from(after ? event.at() : event.at().minus(params.window()))
                .to(after ? event.at().plus(params.window()) : event.at());
        return event.product() == null ? b : b.product(event.product());
    }

    public EventComparison compare(ProductEvent event, Collection<AnalyzedFeedback> items) {
        Instant from = event.at().minus(params.window());
        Instant to = event.at().plus(params.window());
        List<AnalyzedFeedback> before = new ArrayList<>();
        List<AnalyzedFeedback> after = new ArrayList<>();
        for (AnalyzedFeedback f : items) {
            if (event.product() != null && !event.product().equals(f.item().product())) {
                continue;
            }
            Instant t = f.item().createdAt();
            if (!t.isBefore(from) && t.isBefore(event.at())) {
                before.add(f);
            } else if (!t.isBefore(event.at()) && t.isBefore(to)) {
                after.add(f);
            }
        }
        Map<String, List<String>> ids = new TreeMap<>();
        return compare(event, new Window(sum(before), negativeAspects(before, null)),
                new Window(sum(after), negativeAspects(after, ids)), a -> ids.getOrDefault(a, List.of()));
    }

    /**
     * The comparison from counts (e.g. store aggregates over {@link #scope}: no group-by, and ASPECT_POLARITY keys
     * {@code aspect:negative}).
     *
     * @param exampleIds ids of (some) items negative about an aspect after the event, asked for the reported aspects
     */
    public EventComparison compare(ProductEvent event, Window beforeWindow, Window afterWindow,
            java.util.function.Function<String, List<String>> exampleIds) {
        BucketStats sb = beforeWindow.stats();
        BucketStats sa = afterWindow.stats();
        long nBefore = sb.count();
        long nAfter = sa.count();
        NetSentiment nb = NetSentiment.of(sb, params.minimumN());
        NetSentiment na = NetSentiment.of(sa, params.minimumN());
        Interval nsChange = nb.sufficient() && na.sufficient() ? diff(na.value(), halfVar(na), nb.value(), halfVar(nb)) : null;
        NpsScore pb = NpsScore.of(sb, params.minimumN());
        NpsScore pa = NpsScore.of(sa, params.minimumN());
        Interval npsChange = pb.sufficient() && pa.sufficient() ? pa.differenceFrom(pb) : null;
        List<EventComparison.AspectShift> shifts = nBefore >= params.minimumN() && nAfter >= params.minimumN()
                ? aspectShifts(beforeWindow, afterWindow, exampleIds) : List.of();

        List<Signal> signals = new ArrayList<>();
        boolean sentimentDrop = nsChange != null && nsChange.high() < 0;
        List<EventComparison.AspectShift> worse = shifts.stream()
                .filter(s -> s.change().low() > 0 && s.negativeAfter() >= params.minAspectCount()).toList();
        if (sentimentDrop || !worse.isEmpty()) {
            signals.add(signal(event, (int) nBefore, (int) nAfter, nb, na, nsChange, npsChange, worse));
        }
        return new EventComparison(event, nBefore, nAfter, nb, na, nsChange, pb, pa, npsChange, shifts,
                signals);
    }

    private static BucketStats sum(List<AnalyzedFeedback> items) {
        BucketStats s = BucketStats.ZERO;
        for (AnalyzedFeedback f : items) {
            s = s.plus(BucketStats.of(f));
        }
        return s;
    }

    /** Variance of a net sentiment estimate recovered from its 95% interval. */
    static double halfVar(NetSentiment s) {
        double half = (s.high() - s.low()) / (2 * Z);
        return half * half;
    }

    static Interval diff(double a, double varA, double b, double varB) {
        return diff(a, varA, b, varB, Z);
    }

    static Interval diff(double a, double varA, double b, double varB, double z) {
        double d = a - b;
        double half = z * Math.sqrt(varA + varB);
        return new Interval(d, d - half, d + half);
    }

    private List<EventComparison.AspectShift> aspectShifts(Window before, Window after,
            java.util.function.Function<String, List<String>> exampleIds) {
        Map<String, Long> nb = before.negativeAspects();
        Map<String, Long> na = after.negativeAspects();
        long nBefore = before.stats().count();
        long nAfter = after.stats().count();
        Set<String> aspects = new java.util.TreeSet<>(nb.keySet());
        aspects.addAll(na.keySet());
        List<EventComparison.AspectShift> out = new ArrayList<>();
        for (String a : aspects) {
            long b = nb.getOrDefault(a, 0L);
            long c = na.getOrDefault(a, 0L);
            double pb = (double) b / nBefore;
            double pa = (double) c / nAfter;
            // Agresti–Caffo: add one success and one failure to each sample so zero counts keep a variance.
            double pb2 = (b + 1.0) / (nBefore + 2.0);
            double pa2 = (c + 1.0) / (nAfter + 2.0);
            Interval ch = diff(pa2, pa2 * (1 - pa2) / (nAfter + 2.0), pb2, pb2 * (1 - pb2) / (nBefore + 2.0),
                    Z99);
            ch = new Interval(pa - pb, ch.low(), ch.high());
            out.add(new EventComparison.AspectShift(a, b, c, pb, pa, ch, List.of()));
        }
        out.sort(Comparator.comparingDouble((EventComparison.AspectShift s) -> -s.change().low())
                .thenComparing(EventComparison.AspectShift::aspect));
        return out.subList(0, Math.min(params.maxAspects(), out.size())).stream()
                .map(s -> new EventComparison.AspectShift(s.aspect(), s.negativeBefore(), s.negativeAfter(),
                        s.shareBefore(), s.shareAfter(), s.change(), List.copyOf(exampleIds.apply(s.aspect()))))
                .toList();
    }

    /** Items with at least one negative opinion on each aspect (an item counts once per aspect). */
    private static Map<String, Long> negativeAspects(List<AnalyzedFeedback> items, Map<String, List<String>> ids) {
        Map<String, Long> out = new TreeMap<>();
        for (AnalyzedFeedback f : items) {
            Set<String> seen = new HashSet<>();
            for (OpinionPoint o : f.analysis().opinions()) {
                if (o.polarity() == Polarity.NEGATIVE && o.aspect() != null && seen.add(o.aspect())) {
                    out.merge(o.aspect(), 1L, Long::sum);
                    if (ids != null) {
                        List<String> l = ids.computeIfAbsent(o.aspect(), k -> new ArrayList<>());
                        if (l.size() < 50) {
                            l.add(f.id());
                        }
                    }
                }
            }
        }
        return out;
    }

    private Signal signal(ProductEvent e, int nBefore, int nAfter, NetSentiment nb, NetSentiment na, Interval ns,
            Interval nps, List<EventComparison.AspectShift> worse) {
        Evidence.Builder ev = Evidence.builder()
                .figure("volumeBefore", nBefore).figure("volumeAfter", nAfter)
                .figure("netSentimentBefore", nb.value()).figure("netSentimentAfter", na.value());
        if (ns != null) {
            ev.figure("netSentimentChange", ns.value()).figure("netSentimentChangeLow", ns.low())
                    .figure("netSentimentChangeHigh", ns.high());
        }
        if (nps != null) {
            ev.figure("npsChange", nps.value()).figure("npsChangeLow", nps.low()).figure("npsChangeHigh", nps.high());
        }
        StringBuilder desc = new StringBuilder(String.format("事件「%s」（%s，%s）前后各 %d 天：声量 %d → %d，净情感 %.2f → %.2f",
                e.title(), e.kind().wireName(), e.at(), params.window().toDays(), nBefore, nAfter, nb.value(), na.value()));
        if (ns != null) {
            desc.append(String.format("（变化 %+.2f，95%% 区间 %+.2f…%+.2f）", ns.value(), ns.low(), ns.high()));
        }
        desc.append("。");
        List<String> ids = new ArrayList<>();
        for (EventComparison.AspectShift s : worse) {
            ev.figure("negativeShareBefore:" + s.aspect(), s.shareBefore())
                    .figure("negativeShareAfter:" + s.aspect(), s.shareAfter())
                    .figure("negativeAfter:" + s.aspect(), s.negativeAfter());
            desc.append(String.format("「%s」负面占比 %.0f%% → %.0f%%（%d 条）。", s.aspect(), s.shareBefore() * 100,
                    s.shareAfter() * 100, s.negativeAfter()));
            ids.addAll(s.exampleIds());
        }
        String aspect = worse.isEmpty() ? null : worse.get(0).aspect();
        ev.fact("eventId", e.id()).fact("eventKind", e.kind().wireName()).fact("version", e.version())
                .fact("window", params.window())
                .drillDown("product", e.product()).drillDown("product_version", e.version())
                .drillDown("aspect_polarity", aspect == null ? null : aspect + ":negative")
                .itemIds(ids.stream().distinct().toList());
        boolean both = ns != null && ns.high() < 0 && !worse.isEmpty();
        return Signal.builder(SignalType.EVENT_IMPACT)
                .severity(both ? Severity.CRITICAL : Severity.WARNING)
                .day(io.koubei.core.time.CalendarKeys.defaultZone().day(e.at()))
                .aspect(aspect).product(e.product()).subject(e.id())
                .title("事件后口碑变差：" + e.title() + (aspect == null ? "" : "，「" + aspect + "」负面上升"))
                .description(desc.toString())
                .evidence(ev.build())
                .build();
    }

    public EventImpactParams params() {
        return params;
    }
}
