package io.koubei.analysis.signals.trend;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Spike: a period's count above its series' robust baseline band (median/MAD of the trailing
 * {@code window} periods, Poisson floor), improbable under Poisson noise around the median
 * ({@code maxPValue}), and at least {@code spikeMinCount}.
 *
 * <p>Blind spots: a slow climb that moves the median along with it is never a spike (use divergence or the
 * week-over-week views for that); the first {@code minHistory} periods of a series get no verdict;
 * a spike spread thinly across many aspects/channels stays below every series' threshold; weekly series
 * are blind to a burst inside a day unless run on DAY series; counts only — a spike of praise and a spike of
 * complaints look alike unless the caller passes a negative-only series.
 */
public final class SpikeDetector {
    private final BaselineParams params;

    public SpikeDetector(BaselineParams params) {
        this.params = params;
    }

    public SpikeDetector() {
        this(BaselineParams.DEFAULTS);
    }

    public BaselineParams params() {
        return params;
    }

    /**
     * @param series    the series to check
     * @param period    the observed period (week or day key in the series' unit)
     * @param dataStart first period with data coverage (history before it is not zero but unknown), or null
     */
    public List<Signal> detect(List<CountSeries> series, String period, String dataStart) {
        List<Signal> out = new ArrayList<>();
        for (CountSeries s : series) {
            double[] history = History.before(s, period, params.window(), dataStart);
            if (history.length < params.minHistory()) {
                continue;
            }
            long observed = s.count(period);
            RobustBaseline b = RobustBaseline.of(history, params);
            if (observed < params.spikeMinCount() || !b.isSpike(observed, params)) {
                continue;
            }
            out.add(signal(s, period, observed, b));
        }
        return out;
    }

    public List<Signal> detect(List<CountSeries> series, String period) {
        return detect(series, period, null);
    }

    private Signal signal(CountSeries s, String period, long observed, RobustBaseline b) {
        double ratio = observed / Math.max(b.median(), 1.0);
        Severity sev = observed >= 2 * b.upper() && observed >= 2 * params.spikeMinCount()
                ? Severity.CRITICAL : Severity.WARNING;
        SeriesKey k = s.key();
        Evidence ev = Evidence.builder()
                .figure("observed", observed)
                .figure("baselineMedian", b.median())
                .figure("baselineMad", b.mad())
                .figure("upperBound", b.upper())
                .figure("poissonPValue", b.pValue(observed))
                .figure("ratioToMedian", ratio)
                .figure("minCount", params.spikeMinCount())
                .figure("historyPeriods", b.n())
                .fact("measure", k.measure())
                .drillDown(s.unit().dimension(), period)
                .drillDown("channel", k.channel() == null ? null : k.channel().wireName())
                .drillDown("source", k.source())
                .drillDown(k.measure().endsWith("negative") && k.aspect() != null ? "aspect_polarity" : "aspect",
                        k.aspect() == null ? null
                                : k.measure().endsWith("negative") ? k.aspect() + ":negative" : k.aspect())
                .drillDown("product", k.product())
                .itemIds(s.ids(period))
                .build();
        return Signal.builder(SignalType.SPIKE)
                .severity(sev)
                .week(s.unit() == PeriodUnit.WEEK ? period : null)
                .day(s.unit() == PeriodUnit.DAY ? period : null)
                .channel(k.channel()).aspect(k.aspect()).product(k.product()).subject(k.source() == null ? k.measure() : k.source() + "/" + k.measure())
                .title("突增：" + k.label() + " " + observed + " 条（基线 " + fmt(b.median()) + "）")
                .description(String.format("%s 在 %s 为 %d 条，超过过去 %d 期稳健基线上界 %.1f（中位数 %.1f，MAD %.1f），"
                        + "约为基线的 %.1f 倍。", k.label(), period, observed, b.n(), b.upper(), b.median(), b.mad(), ratio))
                .evidence(ev)
                .build();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
