package io.koubei.analysis.signals.competitor;

import io.koubei.analysis.metrics.Interval;
import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our products against competitors (DIGEST: against competitors and the product's own past): share of voice and
 * net sentiment overall and per aspect, side by side; COMPETITOR_GAP when one of our products' net sentiment on
 * an aspect is significantly below a competitor's (99% interval of the difference below 0, gap ≥ minGap).
 *
 * <p>Inputs: {@code products} grouped by PRODUCT, {@code aspects} by PRODUCT × ASPECT_POLARITY, same filter
 * (e.g. the last 4 weeks). Per-aspect net sentiment counts opinion mentions, not items.
 *
 * <p>Blind spots: share of voice depends on which sources are collected for each product (competitor
 * communities are usually not ingested, so compare on shared channels: social, reviews); product names must
 * be normalised upstream (别名 such as "X1" vs "星河X1" split the voice); sarcasm about a competitor counts
 * for it.
 */
public final class CompetitorComparison {
    private static final double Z95 = 1.959963984540054;
    private static final double Z99 = 2.5758293035489004;
    private final ProductRoster roster;
    private final int minimumN;
    private final double minGap;

    public CompetitorComparison(ProductRoster roster, int minimumN, double minGap) {
        this.roster = roster;
        this.minimumN = minimumN;
        this.minGap = minGap;
    }

    public CompetitorComparison(ProductRoster roster) {
        this(roster, 30, 0.1);
    }

    public record ProductSummary(String product, ProductRoster.Side side, long volume, double shareOfVoice,
            NetSentiment netSentiment) {
    }

    public record Cell(String product, ProductRoster.Side side, long mentions, double shareOfVoice,
            NetSentiment netSentiment) {
    }

    public record AspectRow(String aspect, long mentions, List<Cell> cells) {
    }

    public record Result(List<ProductSummary> products, List<AspectRow> aspects, List<Signal> signals) {
    }

    /** @param period label for signals (a week key), or null */
    public Result compare(BucketTable products, BucketTable aspects, String period) {
        products.require("CompetitorComparison (products)", Dimension.PRODUCT);
        aspects.require("CompetitorComparison (aspects)", Dimension.PRODUCT, Dimension.ASPECT_POLARITY);
        Map<String, BucketStats> byProduct = new TreeMap<>();
        for (Bucket b : products.buckets()) {
            String p = products.value(b, Dimension.PRODUCT);
            if (roster.sideOf(p) != null) {
                byProduct.merge(p, b.stats(), BucketStats::plus);
            }
        }
        long total = byProduct.values().stream().mapToLong(BucketStats::count).sum();
        List<ProductSummary> summaries = new ArrayList<>();
        byProduct.forEach((p, s) -> summaries.add(new ProductSummary(p, roster.sideOf(p), s.count(),
                total == 0 ? 0 : (double) s.count() / total, NetSentiment.of(s, minimumN))));
        summaries.sort(Comparator.comparing(ProductSummary::side).thenComparing(ProductSummary::product));

        // aspect → product → {positive, neutral, negative}
        Map<String, Map<String, long[]>> counts = new TreeMap<>();
        for (Bucket b : aspects.buckets()) {
            String p = aspects.value(b, Dimension.PRODUCT);
            String ap = aspects.value(b, Dimension.ASPECT_POLARITY);
            int colon = ap.lastIndexOf(':');
            if (roster.sideOf(p) == null || colon < 0) {
                continue;
            }
            long[] c = counts.computeIfAbsent(ap.substring(0, colon), k -> new TreeMap<>()).computeIfAbsent(p, k -> new long[3]);
            switch (ap.substring(colon + 1)) {
                case "positive" -> c[0] += b.stats().count();
                case "neutral" -> c[1] += b.stats().count();
                case "negative" -> c[2] += b.stats().count();
                default -> { }
            }
        }
        List<AspectRow> rows = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        counts.forEach((aspect, perProduct) -> {
            long all = perProduct.values().stream().mapToLong(c -> c[0] + c[1] + c[2]).sum();
            List<Cell> cells = new ArrayList<>();
            perProduct.forEach((p, c) -> cells.add(new Cell(p, roster.sideOf(p), c[0] + c[1] + c[2],
                    all == 0 ? 0 : (double) (c[0] + c[1] + c[2]) / all, NetSentiment.of(c[0], c[1], c[2], minimumN))));
            cells.sort(Comparator.comparing(Cell::side).thenComparing(Cell::product));
            rows.add(new AspectRow(aspect, all, cells));
            for (Cell ours : cells) {
                if (ours.side() != ProductRoster.Side.OURS || !ours.netSentiment().sufficient()) {
                    continue;
                }
                Cell worstGap = null;
                Interval worst = null;
                for (Cell them : cells) {
                    if (them.side() != ProductRoster.Side.COMPETITOR || !them.netSentiment().sufficient()) {
                        continue;
                    }
                    Interval d = diff(ours.netSentiment(), them.netSentiment());
                    if (d.high() < 0 && -d.value() >= minGap && (worst == null || d.value() < worst.value())) {
                        worst = d;
                        worstGap = them;
                    }
                }
                if (worstGap != null) {
                    signals.add(gapSignal(aspect, ours, worstGap, worst, period, null, 0));
                }
            }
        });
        rows.sort(Comparator.comparingLong(AspectRow::mentions).reversed().thenComparing(AspectRow::aspect));
        return new Result(summaries, rows, signals);
    }

    /**
     * Like {@link #compare} on the recent period, but COMPETITOR_GAP only where the gap opened or widened against the
     * period before: the change of the gap (now − before) is below 0 with its 99% interval, and by at least
     * {@code minGap}. A competitor that is simply rated better, week after week, is a standing comparison (shown side
     * by side), not an alarm; a gap without a sufficient earlier period to compare with is not alerted either.
     */
    public Result compareWithPrevious(BucketTable products, BucketTable aspects, BucketTable productsBefore,
            BucketTable aspectsBefore, String period) {
        Result now = compare(products, aspects, period);
        Result before = compare(productsBefore, aspectsBefore, null);
        List<Signal> widened = new ArrayList<>();
        for (Signal s : now.signals()) {
            Cell ours = cell(now, s.aspect(), s.product());
            Cell them = cell(now, s.aspect(), s.subject());
            Cell ours0 = cell(before, s.aspect(), s.product());
            Cell them0 = cell(before, s.aspect(), s.subject());
            if (ours0 == null || them0 == null || !ours0.netSentiment().sufficient() || !them0.netSentiment().sufficient()) {
                continue;
            }
            Interval d = diff(ours.netSentiment(), them.netSentiment());
            Interval d0 = diff(ours0.netSentiment(), them0.netSentiment());
            double change = d.value() - d0.value();
            double half = Math.hypot(d.high() - d.value(), d0.high() - d0.value()); // both are 99% half-widths
            if (change + half < 0 && -change >= minGap) {
                widened.add(gapSignal(s.aspect(), ours, them, d, period, d0, change));
            }
        }
        return new Result(now.products(), now.aspects(), widened);
    }

    private static Cell cell(Result r, String aspect, String product) {
        for (AspectRow row : r.aspects()) {
            if (row.aspect().equals(aspect)) {
                for (Cell c : row.cells()) {
                    if (c.product().equals(product)) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    private static Interval diff(NetSentiment a, NetSentiment b) {
        double va = Math.pow((a.high() - a.low()) / (2 * Z95), 2);
        double vb = Math.pow((b.high() - b.low()) / (2 * Z95), 2);
        double d = a.value() - b.value();
        double half = Z99 * Math.sqrt(va + vb);
        return new Interval(d, d - half, d + half);
    }

    private Signal gapSignal(String aspect, Cell ours, Cell them, Interval d, String period, Interval before,
            double change) {
        Evidence.Builder eb = Evidence.builder();
        if (before != null) {
            eb.figure("previousGap", before.value()).figure("gapChange", change);
        }
        Evidence ev = eb
                .figure("oursNetSentiment", ours.netSentiment().value()).figure("oursMentions", ours.mentions())
                .figure("competitorNetSentiment", them.netSentiment().value()).figure("competitorMentions", them.mentions())
                .figure("gap", d.value()).figure("gapLow", d.low()).figure("gapHigh", d.high())
                .figure("oursShareOfVoice", ours.shareOfVoice()).figure("competitorShareOfVoice", them.shareOfVoice())
                .fact("competitor", them.product())
                .drillDown("week", period).drillDown("product", ours.product())
                .drillDown("aspect_polarity", aspect + ":negative")
                .build();
        Signal s = Signal.builder(SignalType.COMPETITOR_GAP)
                .severity(Severity.INFO.max(d.value() <= -2 * minGap ? Severity.WARNING : Severity.INFO))
                .week(period).aspect(aspect).product(ours.product()).subject(them.product())
                .title(String.format("竞品对比：%s 的「%s」口碑落后 %s（%.2f vs %.2f）", ours.product(), aspect, them.product(),
                        ours.netSentiment().value(), them.netSentiment().value()))
                .description(String.format("「%s」净情感 %s %.2f（%d 次提及）对 %s %.2f（%d 次提及），差 %.2f（99%% 区间 %.2f…%.2f）%s。",
                        aspect, ours.product(), ours.netSentiment().value(), ours.mentions(), them.product(),
                        them.netSentiment().value(), them.mentions(), d.value(), d.low(), d.high(),
                        before == null ? "" : String.format("；此前 4 周差 %.2f，差距扩大 %.2f", before.value(), -change)))
                .evidence(ev)
                .build();
        // A gap is a standing comparison, not a weekly anomaly: one alert per (aspect, ours, competitor), refreshed
        // each week while it lasts, instead of a new alert every week.
        return new Signal(s.type(), s.severity(), s.week(), s.day(), s.channels(), s.aspect(), s.product(), s.subject(),
                s.title(), s.description(), s.evidence(),
                Signal.dedupKeyOf(s.type(), null, null, s.channels(), s.aspect(), s.product(), s.subject()));
    }
}
