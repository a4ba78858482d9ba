package io.koubei.analysis.signals.alert;

import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.cocoon.CocoonParams;
import io.koubei.analysis.signals.competitor.ProductRoster;
import io.koubei.analysis.signals.crosscheck.DivergenceParams;
import io.koubei.analysis.signals.segment.CoreComplaintParams;
import io.koubei.analysis.signals.segment.CoreUserRules;
import io.koubei.analysis.signals.survey.SurveyParams;
import io.koubei.analysis.signals.trend.BaselineParams;
import io.koubei.analysis.signals.trend.EventImpactParams;

/**
 * Every detector's parameters for one {@link WeeklyScan}; defaults from metrics.md.
 *
 * @param roster    ours vs competitors, or null to skip the competitor comparison
 * @param dataStart first week with data coverage (history before it is unknown, not zero), or null
 */
public record ScanConfig(AstroturfParams astroturf, CoreUserRules coreUsers, CoreComplaintParams coreComplaint,
        BaselineParams baseline, DivergenceParams divergence, CocoonParams cocoon, SurveyParams survey,
        EventImpactParams events, ProductRoster roster, String dataStart) {

    public static ScanConfig defaults() {
        return new ScanConfig(AstroturfParams.DEFAULTS, CoreUserRules.DEFAULTS, CoreComplaintParams.DEFAULTS,
                BaselineParams.DEFAULTS, DivergenceParams.DEFAULTS, CocoonParams.DEFAULTS, SurveyParams.DEFAULTS,
                EventImpactParams.DEFAULTS, null, null);
    }

    public ScanConfig withRoster(ProductRoster r) {
        return new ScanConfig(astroturf, coreUsers, coreComplaint, baseline, divergence, cocoon, survey, events, r, dataStart);
    }

    public ScanConfig withDataStart(String week) {
        return new ScanConfig(astroturf, coreUsers, coreComplaint, baseline, divergence, cocoon, survey, events, roster, week);
    }

    /** Weeks of history a scan needs before the judged week (the longest baseline plus the quiet window). */
    public int historyWeeks() {
        return Math.max(baseline.window() + baseline.quietPeriods(),
                Math.max(divergence.recentWeeks() + divergence.baselineWeeks(), coreComplaint.baseline().window() + 1));
    }
}
