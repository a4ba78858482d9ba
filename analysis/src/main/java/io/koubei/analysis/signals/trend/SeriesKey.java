package io.koubei.analysis.signals.trend;

import io.koubei.core.feedback.Channel;

/**
 * Identity of one count series: (channel or source, aspect, product) plus what is counted.
 *
 * @param channel null for all channels
 * @param source  a single source (e.g. {@code tmall}), or null for all sources of the channel
 * @param aspect  null for all aspects
 * @param product null for all products
 * @param measure what is counted, e.g. {@code volume}, {@code negative}, {@code core_negative}
 */
public record SeriesKey(Channel channel, String source, String aspect, String product, String measure) {
    public static final String VOLUME = "volume";
    public static final String NEGATIVE = "negative";
    public static final String CORE_NEGATIVE = "core_negative";

    public SeriesKey {
        measure = measure == null ? VOLUME : measure;
    }

    public static SeriesKey of(Channel channel, String aspect, String product, String measure) {
        return new SeriesKey(channel, null, aspect, product, measure);
    }

    /** Chinese label for titles: e.g. "ticket / battery / X1 的负面声量". */
    public String label() {
        StringBuilder sb = new StringBuilder();
        sb.append(source != null ? source : channel == null ? "全部渠道" : channel.wireName());
        if (aspect != null) {
            sb.append(" / ").append(aspect);
        }
        if (product != null) {
            sb.append(" / ").append(product);
        }
        sb.append(" 的").append(switch (measure) {
            case VOLUME -> "声量";
            case NEGATIVE -> "负面声量";
            case CORE_NEGATIVE -> "核心用户批评";
            default -> measure;
        });
        return sb.toString();
    }
}
