package io.koubei.analysis.signals.crosscheck;

/**
 * @param recentWeeks        the window whose trend is judged, ending with the evaluated week
 * @param baselineWeeks      the weeks before it that serve as reference
 * @param minimumN           each channel needs this many items in both windows for a sentiment verdict
 * @param minSentimentDelta  a net-sentiment move must also be at least this large (on the −1…1 scale)
 * @param minAspectCount     a rising aspect needs at least this many negative mentions in the recent window
 * @param minAspectRatio     … and at least this ratio to its baseline rate
 * @param maxPValue          … and be improbable under Poisson noise around the baseline rate
 * @param sentimentZ         z of the interval a net-sentiment change must exclude 0 at (2.576: 99%; every
 *                           channel pair is tested every week, so 95% would cry wolf on noise)
 */
public record DivergenceParams(int recentWeeks, int baselineWeeks, int minimumN, double minSentimentDelta,
        int minAspectCount, double minAspectRatio, double maxPValue, double sentimentZ) {

    public static final DivergenceParams DEFAULTS = new DivergenceParams(2, 4, 30, 0.05, 10, 1.5, 0.001, 2.5758293035489004);

    public DivergenceParams {
        if (recentWeeks < 1 || baselineWeeks < 1 || minimumN < 1 || minAspectCount < 1 || minAspectRatio < 1
                || maxPValue <= 0 || sentimentZ <= 0) {
            throw new IllegalArgumentException("invalid divergence parameters");
        }
    }
}
