package io.koubei.analysis.signals.astroturf;

import io.koubei.analysis.signals.Signal;
import java.util.List;
import java.util.Set;

/**
 * What the astroturf detector found. {@code flaggedItemIds} is what the pipeline marks with
 * {@link AstroturfParams#FLAG} and weighted metrics exclude; nothing is deleted.
 */
public record AstroturfReport(List<SuspectCluster> clusters, List<LockstepGroup> lockstep, Set<String> flaggedItemIds,
        List<Signal> signals) {
}
