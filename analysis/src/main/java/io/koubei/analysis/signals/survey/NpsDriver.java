package io.koubei.analysis.signals.survey;

import java.util.List;

/**
 * How one aspect drives NPS: how much more often detractors than promoters mention it negatively, and the
 * NPS if this aspect's detractors were passives instead (what fixing it could be worth), always with counts.
 *
 * @param detractorRate  share of detractors with a negative opinion on the aspect
 * @param promoterRate   share of promoters with a negative opinion on the aspect
 * @param gap            detractorRate − promoterRate
 * @param npsWithout     NPS with the detractors who complain about this aspect counted as passives
 * @param exampleIds     detractor answers that mention it negatively
 */
public record NpsDriver(String aspect, long detractors, long detractorsMentioning, long promoters,
        long promotersMentioning, double detractorRate, double promoterRate, double gap, double nps,
        double npsWithout, List<String> exampleIds) {
}
