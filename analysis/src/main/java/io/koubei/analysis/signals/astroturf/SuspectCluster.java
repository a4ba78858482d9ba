package io.koubei.analysis.signals.astroturf;

import io.koubei.core.feedback.Polarity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A near-duplicate cluster and the evidence for or against coordination. Kept for every cluster, flagged or
 * not, so a reviewer can see why it was (not) flagged.
 *
 * @param id                  stable: {@code dup-<id of the earliest item>}
 * @param flagged             judged astroturf
 * @param reasons             the criteria met, in Chinese, for the UI
 * @param itemIds             every item of the cluster, in time order
 * @param accounts            distinct author ids, in order of first post
 * @param maxInBurstWindow    most items inside any {@code burstWindow}
 * @param newAccountShare     share of accounts registered ≤ newAccountDays before their post (of those with a date)
 * @param lowFollowerShare    share of accounts with fewer than lowFollowers followers (of those with a count)
 * @param suspiciousShare     share of accounts that are new or low-follower (unknown counts as not suspicious)
 * @param medianAccountAgeDays at posting, NaN when unknown
 * @param medianFollowers     NaN when unknown
 * @param oneSidedShare       share of the dominant polarity
 */
public record SuspectCluster(String id, boolean flagged, List<String> reasons, List<String> itemIds,
        List<String> accounts, Instant first, Instant last, Duration span, int maxInBurstWindow,
        double newAccountShare, double lowFollowerShare, double suspiciousShare, double medianAccountAgeDays,
        double medianFollowers, Polarity dominantPolarity, double oneSidedShare, List<String> channels,
        List<String> products, List<String> samples) {

    public int size() {
        return itemIds.size();
    }
}
