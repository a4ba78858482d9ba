package io.koubei.analysis.speed;

import io.koubei.core.feedback.Channel;
import java.time.Instant;

/**
 * One thing that deserves an answer: a user's post or ticket (not a reply, not our own), or an anomaly case.
 *
 * @param firstResponseAt earliest of: an official reply ({@code replyTo} = this id), {@code ticket.firstResponseAt},
 *                        a {@code replied} event; null while unanswered
 * @param resolvedAt      from resolved/reopened events when there are any, else {@code ticket.resolvedAt}; null if open
 * @param reach           author followers + likes + reposts + replies
 */
public record SpeedCase(String id, Channel channel, String product, String week, String department, String owner,
        Instant createdAt, Instant firstResponseAt, Instant resolvedAt, boolean anomaly, boolean negative,
        long reach, String aspect) {

    public boolean answered() {
        return firstResponseAt != null;
    }

    public boolean resolved() {
        return resolvedAt != null;
    }
}
