package io.koubei.analysis.speed;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.time.CalendarKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link SpeedCase}s from stored items, their official replies and lifecycle events. Feed it the official
 * replies first ({@link #officialReply}), then turn each user item into a case ({@link #fromItem}).
 * Items tagged {@code anomaly} or {@code 异常}, or with an event marked anomaly, are anomaly cases.
 */
public final class CaseAssembler {
    public static final Set<String> ANOMALY_TAGS = Set.of("anomaly", "异常");

    private final CalendarKeys calendar;
    private final Router router;
    private final LifecycleLog events;
    private final Map<String, List<Instant>> repliesByParent = new HashMap<>();
    private int repliesBeforePost;

    public CaseAssembler(CalendarKeys calendar, Router router, LifecycleLog events) {
        this.calendar = calendar;
        this.router = router;
        this.events = events;
    }

    /** Records an official reply (author.official with replyTo); others are ignored. */
    public void officialReply(FeedbackItem reply) {
        if (reply.fromOfficialAccount() && reply.replyTo() != null) {
            repliesByParent.computeIfAbsent(reply.replyTo(), k -> new ArrayList<>()).add(reply.createdAt());
        }
    }

    /** Official replies timed before their post (clock skew or bad data): not counted as responses. */
    public int repliesBeforePost() {
        return repliesBeforePost;
    }

    /** Whether an item is something a user expects an answer to: not ours, not itself a reply. */
    public static boolean expectsResponse(FeedbackItem i) {
        return !i.fromOfficialAccount() && i.replyTo() == null;
    }

    public static long reach(FeedbackItem i) {
        long followers = i.author() == null || i.author().followers() == null ? 0 : i.author().followers();
        return followers + i.interactions().total();
    }

    public Optional<SpeedCase> fromItem(AnalyzedFeedback f) {
        FeedbackItem i = f.item();
        if (!expectsResponse(i)) {
            return Optional.empty();
        }
        LifecycleLog.State s = events.state(i.id());
        Instant first = null;
        for (Instant r : repliesByParent.getOrDefault(i.id(), List.of())) {
            if (r.isBefore(i.createdAt())) {
                repliesBeforePost++;
            } else {
                first = earliest(first, r);
            }
        }
        if (i.ticket() != null) {
            first = earliest(first, i.ticket().firstResponseAt());
        }
        first = earliest(first, s.firstReplyAt());
        Instant resolved = events.decidesResolution(i.id()) ? s.resolvedAt()
                : i.ticket() == null ? null : i.ticket().resolvedAt();
        long reach = reach(i);
        String department = s.department() != null ? s.department() : router.department(f, reach);
        boolean anomaly = s.anomaly() || i.tags().stream().anyMatch(ANOMALY_TAGS::contains);
        String aspect = f.analysis().opinions().stream().map(OpinionPoint::aspect).findFirst().orElse(null);
        return Optional.of(new SpeedCase(i.id(), i.channel(), i.product(), f.week(), department, s.agent(),
                i.createdAt(), first, resolved, anomaly, f.analysis().sentiment().polarity() == Polarity.NEGATIVE,
                reach, aspect));
    }

    /**
     * A case known only from events (e.g. a cross-department anomaly opened by hand): it starts at its
     * {@code opened} event; without one it cannot be timed and is empty.
     */
    public Optional<SpeedCase> fromEventsOnly(String id) {
        LifecycleLog.State s = events.state(id);
        if (!s.present() || s.openedAt() == null) {
            return Optional.empty();
        }
        Channel channel = Channel.fromWire(s.channel()).orElse(Channel.QC);
        return Optional.of(new SpeedCase(id, channel, s.product(), calendar.week(s.openedAt()),
                s.department() != null ? s.department() : channel.department(), s.agent(), s.openedAt(),
                s.firstReplyAt(), s.resolvedAt(), s.anomaly(), false, 0, null));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : (b.isBefore(a) ? b : a);
    }
}
