package io.koubei.analysis.signals.cocoon;

import java.util.List;

/**
 * How concentrated the voices of one scope are.
 *
 * @param total           total weight (items, or interactions)
 * @param voices          distinct accounts
 * @param cr10            share of the top 10 accounts
 * @param hhi             Σ sᵢ² over account shares, in (0, 1]
 * @param effectiveVoices 1 / HHI
 * @param top             the top 20 accounts, largest first
 */
public record Concentration(double total, int voices, double cr10, double hhi, double effectiveVoices, List<String> top) {
}
