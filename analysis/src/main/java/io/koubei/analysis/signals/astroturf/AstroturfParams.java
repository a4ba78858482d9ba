package io.koubei.analysis.signals.astroturf;

import java.time.Duration;

/**
 * When a near-duplicate cluster or a lockstep group is flagged as astroturf (水军).
 *
 * @param nearDuplicate        how near-duplicates are found
 * @param minClusterSize       a cluster needs this many items …
 * @param minAccounts          … from at least this many distinct accounts
 * @param burstWindow          the densest window of this length is reported ("220 posts in 2 h")
 * @param newAccountDays       an account registered at most this many days before posting is "new"
 * @param lowFollowers         an account with fewer followers is "low-follower"
 * @param minSuspiciousShare   flagged when at least this share of the cluster's accounts is new or low-follower
 * @param oneSidedShare        a cluster whose dominant polarity reaches this share is "one-sided" (raises severity)
 * @param lockstepWindow       two accounts replying to the same target within this time act "together"
 * @param lockstepMinTargets   … on at least this many distinct targets
 * @param lockstepMinAccounts  a lockstep group needs this many accounts
 * @param samples              sample texts kept per cluster
 * @param burstMinPosts        a burst of at least this many posts from new accounts (low-follower when the
 *                             registration date is unknown) within
 *                             {@code burstWindow} on one channel and product is reported even when the texts are
 *                             not near-duplicates (a paraphrased campaign) …
 * @param flagBursts           … and its items flagged only when this is set: a wave of genuine first-time
 *                             reviewers after a launch looks the same, so by default a human decides
 */
public record AstroturfParams(NearDuplicateParams nearDuplicate, int minClusterSize, int minAccounts,
        Duration burstWindow, int newAccountDays, int lowFollowers, double minSuspiciousShare, double oneSidedShare,
        Duration lockstepWindow, int lockstepMinTargets, int lockstepMinAccounts, int samples, int burstMinPosts,
        boolean flagBursts) {

    /** The flag detectors put on items (Analysis.flags) and weighted metrics exclude. */
    public static final String FLAG = "astroturf";

    public static final AstroturfParams DEFAULTS = new AstroturfParams(NearDuplicateParams.DEFAULTS, 10, 8,
            Duration.ofHours(2), 30, 50, 0.5, 0.9, Duration.ofMinutes(10), 3, 3, 5, 30, false);

    public AstroturfParams {
        if (nearDuplicate == null || minClusterSize < 2 || minAccounts < 2 || burstWindow == null
                || lockstepWindow == null || minSuspiciousShare < 0 || minSuspiciousShare > 1
                || lockstepMinTargets < 1 || lockstepMinAccounts < 2 || samples < 0 || burstMinPosts < 2) {
            throw new IllegalArgumentException("invalid astroturf parameters");
        }
    }
}
