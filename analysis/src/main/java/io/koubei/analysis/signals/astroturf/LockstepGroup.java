package io.koubei.analysis.signals.astroturf;

import java.util.List;

/**
 * Accounts that repeatedly reply to the same targets within minutes of each other.
 *
 * @param id              stable: {@code lockstep-<smallest account id>}
 * @param flagged         judged astroturf (enough of its accounts are new or low-follower)
 * @param accounts        the accounts, sorted
 * @param targets         the targets (replyTo ids) they acted on together, sorted
 * @param itemIds         their items on those targets
 * @param suspiciousShare share of the accounts that are new or low-follower
 */
public record LockstepGroup(String id, boolean flagged, List<String> accounts, List<String> targets,
        List<String> itemIds, double suspiciousShare) {
}
