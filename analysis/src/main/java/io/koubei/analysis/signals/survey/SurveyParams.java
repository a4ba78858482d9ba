package io.koubei.analysis.signals.survey;

/**
 * @param minimumN       below this a metric is "insufficient data" and never compared (metrics.md: 30)
 * @param trailingWeeks  the trailing average a week is compared with (metrics.md: 4)
 */
public record SurveyParams(int minimumN, int trailingWeeks) {
    public static final SurveyParams DEFAULTS = new SurveyParams(30, 4);

    public SurveyParams {
        if (minimumN < 1 || trailingWeeks < 1) {
            throw new IllegalArgumentException("minimumN and trailingWeeks must be positive");
        }
    }
}
