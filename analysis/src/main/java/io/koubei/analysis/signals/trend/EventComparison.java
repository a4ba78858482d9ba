package io.koubei.analysis.signals.trend;

import io.koubei.analysis.metrics.Interval;
import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import java.util.List;

/**
 * Before/after comparison around one event.
 *
 * @param netSentimentChange after − before, with interval (null when either window is below minimum n)
 * @param npsChange          after − before in NPS points (null without enough NPS answers)
 * @param aspectShifts       aspects whose share of items with a negative opinion rose most, worst first
 * @param signals            EVENT_IMPACT signals (empty when nothing significant)
 */
public record EventComparison(ProductEvent event, long volumeBefore, long volumeAfter, NetSentiment before,
        NetSentiment after, Interval netSentimentChange, NpsScore npsBefore, NpsScore npsAfter, Interval npsChange,
        List<AspectShift> aspectShifts, List<io.koubei.analysis.signals.Signal> signals) {

    /** Share of items negative about {@code aspect} before and after, with the difference's interval. */
    public record AspectShift(String aspect, long negativeBefore, long negativeAfter, double shareBefore,
            double shareAfter, Interval change, List<String> exampleIds) {
    }
}
