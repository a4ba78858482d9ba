package io.koubei.analysis.signals.crosscheck;

import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import java.util.List;

/**
 * One row of the weekly cross-channel matrix.
 *
 * @param scope       channel wire name, or department name in the department view
 * @param nps         null when the scope has no NPS answers
 * @param topNegative aspects with most negative mentions, most first
 */
public record ChannelRow(String scope, String department, long volume, NetSentiment netSentiment, NpsScore nps,
        List<AspectCount> topNegative) {

    public record AspectCount(String aspect, long negative) {
    }
}
