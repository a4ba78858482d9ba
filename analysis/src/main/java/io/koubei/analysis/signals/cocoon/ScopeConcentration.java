package io.koubei.analysis.signals.cocoon;

/**
 * Concentration of one scope in one week.
 *
 * @param kind      CHANNEL (scope = channel wire name) or OFFICIAL_ACCOUNT (scope = the account id; voices are
 *                  the accounts replying under its posts)
 * @param overlap   top-20 overlap with the previous week, null without data for it
 * @param items     items in the scope this week
 */
public record ScopeConcentration(Kind kind, String scope, String week, long items, Concentration concentration,
        Double overlap) {
    public enum Kind {
        CHANNEL,
        OFFICIAL_ACCOUNT
    }
}
