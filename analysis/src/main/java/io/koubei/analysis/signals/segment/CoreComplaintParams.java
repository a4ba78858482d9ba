package io.koubei.analysis.signals.segment;

import io.koubei.analysis.signals.trend.BaselineParams;

/**
 * @param minMentions  core users' negative mentions of one (aspect, product) in the week
 * @param minAuthors   … from at least this many distinct core users
 * @param baseline     the week must also exceed the robust baseline of the weeks before (spike rule, with
 *                     {@code spikeMinCount} ignored in favour of {@code minMentions})
 */
public record CoreComplaintParams(int minMentions, int minAuthors, BaselineParams baseline) {
    public static final CoreComplaintParams DEFAULTS = new CoreComplaintParams(10, 5,
            new BaselineParams(8, 3, 3.0, 2.0, 1, 0.35, 10, 2, 0.001));

    public CoreComplaintParams {
        if (minMentions < 1 || minAuthors < 1 || baseline == null) {
            throw new IllegalArgumentException("invalid core complaint parameters");
        }
    }
}
