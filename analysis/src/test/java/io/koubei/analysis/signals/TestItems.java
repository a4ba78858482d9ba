package io.koubei.analysis.signals;

import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Sentiment;
import io.koubei.core.time.CalendarKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds synthetic analysed items for detector tests: every field a detector reads, nothing else. */
public final class TestItems {
    public static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static int seq;

    private final FeedbackItem.Builder item = FeedbackItem.builder().source("test").channel(Channel.SOCIAL);
    private Polarity polarity = Polarity.NEUTRAL;
    private final List<OpinionPoint> opinions = new ArrayList<>();
    private NpsClass npsClass;
    private Segment segment;
    private Set<String> flags = Set.of();
    private Instant at = Instant.parse("2026-11-24T02:00:00Z");

    public static TestItems item() {
        TestItems t = new TestItems();
        t.item.externalId("t" + (++seq));
        return t;
    }

    public TestItems id(String id) { item.id(id); return this; }
    public TestItems channel(Channel c) { item.channel(c); return this; }
    public TestItems source(String s) { item.source(s); return this; }
    public TestItems at(Instant t) { at = t; return this; }
    public TestItems text(String s) { item.text(s); return this; }
    public TestItems product(String p) { item.product(p); return this; }
    public TestItems version(String v) { item.productVersion(v); return this; }
    public TestItems replyTo(String r) { item.replyTo(r); return this; }
    public TestItems tags(String... t) { item.tags(List.of(t)); return this; }
    public TestItems fields(Map<String, String> f) { item.fields(f); return this; }
    public TestItems interactions(int likes, int reposts, int replies) {
        item.interactions(new Interactions(likes, reposts, replies));
        return this;
    }
    public TestItems polarity(Polarity p) { polarity = p; return this; }
    public TestItems segment(Segment s) { segment = s; return this; }
    public TestItems flags(String... f) { flags = Set.of(f); return this; }

    public TestItems author(String id) {
        return author(new Author(id, id, 500, Instant.parse("2020-01-01T00:00:00Z"), 3, false, false));
    }

    public TestItems author(Author a) { item.author(a); return this; }

    public TestItems opinion(String aspect, Polarity p, String snippet) {
        opinions.add(new OpinionPoint(aspect, aspect, p, List.of(), snippet));
        return this;
    }

    public TestItems nps(int score) {
        item.rating(new Rating(RatingScale.NPS, score));
        npsClass = NpsClass.of(score);
        return this;
    }

    public TestItems csat(int score) {
        item.rating(new Rating(RatingScale.CSAT, score));
        return this;
    }

    public AnalyzedFeedback build() {
        FeedbackItem fi = item.createdAt(at).build();
        double score = polarity == Polarity.POSITIVE ? 0.8 : polarity == Polarity.NEGATIVE ? -0.8 : 0;
        Analysis a = new Analysis(List.of(), new Sentiment(polarity, score, List.of()), opinions, npsClass, segment,
                0L, flags, "test");
        return new AnalyzedFeedback(fi, a, CAL.week(at), CAL.day(at));
    }

    /** A moment inside an ISO week (Wednesday 10:00 Beijing time plus {@code minutes}). */
    public static Instant inWeek(String week, long minutes) {
        return CAL.weekStart(week).plusSeconds(2 * 86400 + 10 * 3600 + minutes * 60);
    }
}
