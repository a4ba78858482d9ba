package io.koubei.dashboard.thisweek;

import java.util.List;

/** The open alerts or incidents the overview reports as findings; the only coupling to the alerting package. */
public interface IssueFeed {
    /** Issues still open (or acknowledged) that were seen in {@code week}. */
    List<OpenIssue> openIn(String week);
}
