package io.koubei.dashboard.report;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Sentiment;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A realistic report week for rendering tests: NPS from a survey, posts without NPS on four other channels. */
final class ReportFixture {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();

    private ReportFixture() {
    }

    private static AnalyzedFeedback item(int seq, String week, Channel channel, Integer score, String aspect, Polarity polarity) {
        Instant at = CAL.weekStart(week).plusSeconds(2 * 86400 + 4 * 3600 + seq);
        String id = channel.wireName() + ":" + seq;
        FeedbackItem.Builder b = FeedbackItem.builder().id(id).source(channel.wireName()).channel(channel).externalId(id)
                .createdAt(at).text(aspect + " 这次真的不太行，用了一周就后悔了").product("x" + (seq % 24))
                .author(new Author("a" + seq, null, null, null, null, null, null));
        if (score != null) {
            b.rating(new Rating(RatingScale.NPS, score));
        }
        FeedbackItem it = b.build();
        List<OpinionPoint> ops = List.of(new OpinionPoint(aspect, aspect, polarity, List.of("差"), aspect + "不行"));
        Analysis analysis = new Analysis(List.of("句子"), new Sentiment(polarity, polarity == Polarity.POSITIVE ? 0.5 : -0.5, List.of()),
                ops, it.rating() == null ? null : it.rating().npsClass(), seq % 7 == 0 ? Segment.CORE : Segment.MASS, 0L,
                Set.of(), "test");
        return new AnalyzedFeedback(it, analysis, CAL.week(at), CAL.day(at));
    }

    /**
     * Twelve weeks of survey NPS, zigzagging and then falling (so changes are negative), posts on four other channels,
     * and 24 products (a product table longer than what is left of page 1).
     */
    static void seed(FeedbackStore store, String reportWeek) {
        List<AnalyzedFeedback> batch = new ArrayList<>();
        int seq = 0;
        for (int w = 11; w >= 0; w--) {
            String week = CalendarKeys.shiftWeek(reportWeek, -w);
            int promoters = w == 0 ? 30 : 45 + (w % 4) * 5;
            int detractors = w == 0 ? 45 : 20;
            for (int i = 0; i < promoters; i++) batch.add(item(seq++, week, Channel.SURVEY, 10, "camera", Polarity.POSITIVE));
            for (int i = 0; i < 25; i++) batch.add(item(seq++, week, Channel.SURVEY, 8, "price", Polarity.NEUTRAL));
            for (int i = 0; i < detractors; i++) batch.add(item(seq++, week, Channel.SURVEY, 2, "battery", Polarity.NEGATIVE));
            for (Channel c : List.of(Channel.SOCIAL, Channel.REVIEW, Channel.COMMUNITY, Channel.TICKET)) {
                for (int i = 0; i < 12; i++) {
                    batch.add(item(seq++, week, c, null, i % 3 == 0 ? "screen" : "battery", i % 2 == 0 ? Polarity.NEGATIVE : Polarity.POSITIVE));
                }
            }
        }
        store.upsert(batch);
    }
}
