package io.koubei.core.store;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.AuthorMarks;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One author's figures over the items of a filter (see {@link FeedbackStore#authorStats}): only what the items
 * themselves carry (never a verdict), so re-sending or re-importing the same items gives the same figures.
 *
 * @param items        matching items of the author
 * @param replies      of them, replies (items with replyTo)
 * @param technical    of the marked items, those using a technical term
 * @param beta         a marked item marks beta participation
 * @param firstSeen    earliest createdAt
 * @param lastSeen     latest createdAt
 * @param level        community level of the latest item carrying one, or null
 * @param registeredAt earliest registration date carried by an item, or null
 * @param channels     channels of the items
 * @param unmarked     items whose indexed marks are not the requested ones (indexed under other marks, or before
 *                     marks were indexed): {@code technical} and {@code beta} do not cover them
 */
public record AuthorStats(String authorId, long items, long replies, long technical, boolean beta, Instant firstSeen,
        Instant lastSeen, Integer level, Instant registeredAt, Set<Channel> channels, long unmarked) {

    public AuthorStats {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }

    public long posts() {
        return items - replies;
    }

    /** Figures of one author built up item by item (or segment by segment); not thread-safe. */
    public static final class Accumulator {
        private final String authorId;
        private long items;
        private long replies;
        private long technical;
        private boolean beta;
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private Integer level;
        private long levelAt = Long.MIN_VALUE;
        private long registered = Long.MAX_VALUE;
        private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
        private long unmarked;

        public Accumulator(String authorId) {
            this.authorId = authorId;
        }

        public String authorId() {
            return authorId;
        }

        /**
         * One item, times in epoch nanoseconds; {@code marked}: its technical/beta marks are the requested ones.
         * Among items at the same instant the first added with a level keeps it.
         */
        public void add(long createdAt, boolean reply, boolean marked, boolean technical, boolean beta, Integer level,
                Long registeredAt, Channel channel) {
            items++;
            replies += reply ? 1 : 0;
            if (marked) {
                this.technical += technical ? 1 : 0;
                this.beta |= beta;
            } else {
                unmarked++;
            }
            first = Math.min(first, createdAt);
            last = Math.max(last, createdAt);
            if (level != null && createdAt > levelAt) {
                this.level = level;
                levelAt = createdAt;
            }
            if (registeredAt != null) {
                registered = Math.min(registered, registeredAt);
            }
            if (channel != null) {
                channels.add(channel);
            }
        }

        /** One item judged under {@code marks}. */
        public void add(AnalyzedFeedback f, AuthorMarks marks) {
            FeedbackItem item = f.item();
            add(nanos(item.createdAt()), item.replyTo() != null, true, marks.technical(item), marks.beta(item),
                    item.author().level(), item.author().registeredAt() == null ? null : nanos(item.author().registeredAt()),
                    item.channel());
        }

        /** Adds another accumulator of the same author (another index segment or shard). */
        public void merge(Accumulator o) {
            items += o.items;
            replies += o.replies;
            technical += o.technical;
            beta |= o.beta;
            first = Math.min(first, o.first);
            last = Math.max(last, o.last);
            if (o.level != null && o.levelAt > levelAt) {
                level = o.level;
                levelAt = o.levelAt;
            }
            registered = Math.min(registered, o.registered);
            channels.addAll(o.channels);
            unmarked += o.unmarked;
        }

        public AuthorStats build() {
            return new AuthorStats(authorId, items, replies, technical, beta, instant(first), instant(last), level,
                    registered == Long.MAX_VALUE ? null : instant(registered), channels, unmarked);
        }
    }

    /** Epoch nanoseconds, as the stores index instants. */
    public static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException overflow) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
