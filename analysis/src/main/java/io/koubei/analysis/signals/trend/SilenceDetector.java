package io.koubei.analysis.signals.trend;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Silence: the mean of the last {@code quietPeriods} periods far below the series' robust baseline — at most
 * {@code silenceRatio} × median and below the band's lower bound. Run it on volume series ("a channel went
 * quiet") and on core users' negative series ("可怕的不是骂得凶，而是已经没人骂了").
 *
 * <p>Blind spots: series whose baseline median is below {@code silenceMinBaseline} are ignored (too small
 * to tell silence from chance); a connector outage looks exactly like silence — check ingest health before
 * acting; a gradual fade over more than {@code window} periods drags the baseline down and is missed;
 * a quiet period that is the start of a holiday is not modelled (no seasonality).
 */
public final class SilenceDetector {
    private final BaselineParams params;

    public SilenceDetector(BaselineParams params) {
        this.params = params;
    }

    public SilenceDetector() {
        this(BaselineParams.DEFAULTS);
    }

    public BaselineParams params() {
        return params;
    }

    /**
     * @param period    the last observed period; the quiet window is the {@code quietPeriods} periods ending here,
     *                  the baseline the {@code window} periods before that
     * @param dataStart first period with data coverage, or null
     */
    public List<Signal> detect(List<CountSeries> series, String period, String dataStart) {
        List<Signal> out = new ArrayList<>();
        int q = params.quietPeriods();
        for (CountSeries s : series) {
            String quietStart = s.unit().shift(period, -(q - 1));
            double[] history = History.before(s, quietStart, params.window(), dataStart);
            if (history.length < params.minHistory()) {
                continue;
            }
            RobustBaseline b = RobustBaseline.of(history, params, q);
            if (b.median() < params.silenceMinBaseline()) {
                continue;
            }
            long sum = 0;
            List<String> quiet = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = q - 1; i >= 0; i--) {
                String p = s.unit().shift(period, -i);
                quiet.add(p + "=" + s.count(p));
                sum += s.count(p);
                ids.addAll(s.ids(p));
            }
            double observed = (double) sum / q;
            if (observed > params.silenceRatio() * b.median() || observed >= b.lower()) {
                continue;
            }
            out.add(signal(s, period, quietStart, observed, b, quiet, ids));
        }
        return out;
    }

    public List<Signal> detect(List<CountSeries> series, String period) {
        return detect(series, period, null);
    }

    private Signal signal(CountSeries s, String period, String quietStart, double observed, RobustBaseline b,
            List<String> quiet, List<String> ids) {
        SeriesKey k = s.key();
        boolean core = k.measure().startsWith(SeriesKey.CORE_NEGATIVE);
        double ratio = observed / b.median();
        Severity sev = core || ratio <= params.silenceRatio() / 3 ? Severity.CRITICAL : Severity.WARNING;
        Evidence ev = Evidence.builder()
                .figure("observedMean", observed)
                .figure("baselineMedian", b.median())
                .figure("baselineMad", b.mad())
                .figure("lowerBound", b.lower())
                .figure("ratioToMedian", ratio)
                .figure("silenceRatio", params.silenceRatio())
                .figure("historyPeriods", b.n())
                .fact("measure", k.measure())
                .fact("quietPeriods", String.join(", ", quiet))
                .drillDown(s.unit().dimension(), period)
                .drillDown("channel", k.channel() == null ? null : k.channel().wireName())
                .drillDown("source", k.source())
                .drillDown("aspect", k.aspect())
                .drillDown("product", k.product())
                .drillDown("segment", core ? "core" : null)
                .itemIds(ids)
                .build();
        String what = core ? "核心用户批评消失" : "声量骤降";
        return Signal.builder(SignalType.SILENCE)
                .severity(sev)
                .week(s.unit() == PeriodUnit.WEEK ? period : null)
                .day(s.unit() == PeriodUnit.DAY ? period : null)
                .channel(k.channel()).aspect(k.aspect()).product(k.product()).subject(k.source() == null ? k.measure() : k.source() + "/" + k.measure())
                .title(what + "：" + k.label() + " 近 " + params.quietPeriods() + (s.unit() == PeriodUnit.DAY ? " 天" : " 周") + "均值 "
                        + SpikeDetector.fmt(observed) + "（基线 " + SpikeDetector.fmt(b.median()) + "）")
                .description(String.format("%s 自 %s 起 %d 期平均 %.1f 条，仅为过去 %d 期中位数 %.1f 的 %.0f%%，"
                        + "低于稳健下界 %.1f。请先确认数据源采集正常；若正常，沉默本身就是信号。",
                        k.label(), quietStart, params.quietPeriods(), observed, b.n(), b.median(), ratio * 100, b.lower()))
                .evidence(ev)
                .build();
    }
}
