package io.koubei.analysis.signals.trend;

/**
 * Robust-baseline settings shared by spike and silence detection (metrics.md: median and MAD over the
 * trailing 8 weeks).
 *
 * @param window        periods of history before the observed one(s)
 * @param minHistory    fewer periods of history than this (after {@code dataStart}): no verdict
 * @param madK          how many robust sigmas (1.4826·MAD) away counts as abnormal
 * @param poissonZ      floor of the band as Poisson sigmas (√median): a flat history has MAD 0, and
 *                      small counts are noisy
 * @param spikeMinCount a spike needs at least this many items in the period
 * @param silenceRatio  silence when the observed level is at most this share of the baseline median
 * @param silenceMinBaseline silence only for series whose median is at least this (a series that
 *                      usually has 2 items a week is not "gone quiet" at 0)
 * @param quietPeriods  silence looks at the mean of the last this-many periods (2: one empty week is noise)
 * @param maxPValue     a spike must also be unlikely under Poisson(max(median, 0.5)): P(X ≥ observed) below
 *                      this (small counts: the normal band alone is too generous); 1 disables the test
 */
public record BaselineParams(int window, int minHistory, double madK, double poissonZ, long spikeMinCount,
        double silenceRatio, double silenceMinBaseline, int quietPeriods, double maxPValue) {

    public static final BaselineParams DEFAULTS = new BaselineParams(8, 4, 3.0, 3.0, 10, 0.35, 10, 2, 1e-4);

    /**
     * The same thresholds for day series, to catch a channel going quiet within days instead of weeks: 14 days of
     * history (two of each weekday), at least 7, and a quiet window of 3 days (one empty day is noise).
     */
    public BaselineParams forDays() {
        return new BaselineParams(14, 7, madK, poissonZ, spikeMinCount, silenceRatio, silenceMinBaseline, 3, maxPValue);
    }

    public BaselineParams {
        if (window < 2 || minHistory < 2 || minHistory > window) {
            throw new IllegalArgumentException("need 2 <= minHistory <= window, got " + minHistory + ", " + window);
        }
        if (madK <= 0 || poissonZ < 0 || spikeMinCount < 1 || silenceRatio <= 0 || silenceRatio >= 1
                || quietPeriods < 1 || maxPValue <= 0 || maxPValue > 1) {
            throw new IllegalArgumentException("invalid baseline parameters");
        }
    }
}
