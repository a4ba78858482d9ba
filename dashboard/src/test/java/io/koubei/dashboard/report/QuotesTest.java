package io.koubei.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report quotes whole opinion sentences: not "暂无建议", not a fragment like "同样的问题". */
class QuotesTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final String WEEK = "2026-W45";

    @TempDir
    Path dir;
    LuceneFeedbackStore store;
    int seq;

    @BeforeEach
    void setUp() {
        store = new LuceneFeedbackStore(dir.resolve("index"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AnalyzedFeedback item(String text, Integer score, Segment segment, OpinionPoint... opinions) {
        Instant at = CAL.weekStart(WEEK).plusSeconds(2 * 86400 + 3600L * seq);
        String id = "q:" + (seq++);
        FeedbackItem.Builder b = FeedbackItem.builder().id(id).source("nps").channel(score == null ? Channel.COMMUNITY : Channel.SURVEY)
                .externalId(id).createdAt(at).text(text).product("x1").author(new Author("a" + seq, null, null, null, null, null, null));
        if (score != null) {
            b.rating(new Rating(RatingScale.NPS, score));
        }
        FeedbackItem it = b.build();
        Analysis analysis = new Analysis(List.of(text), new Sentiment(Polarity.NEGATIVE, -0.6, List.of()), List.of(opinions),
                it.rating() == null ? null : it.rating().npsClass(), segment, 0L, Set.of(), "test");
        return new AnalyzedFeedback(it, analysis, CAL.week(at), CAL.day(at));
    }

    private static OpinionPoint negative(String aspect, String snippet) {
        return new OpinionPoint(aspect, aspect, Polarity.NEGATIVE, List.of("差"), snippet);
    }

    @Test
    void verbatimsAreOpinionsAndCoreExamplesAreWholeSentences() {
        store.upsert(List.of(
                item("暂无建议", 0, Segment.MASS),
                item("充电口接触不良，用了两周就充不进电。再这样就换机了", 1, Segment.MASS, negative("charging", "充电口接触不良")),
                item("质量问题太多了，后盖用了一个月就开裂。别的还行", null, Segment.CORE, negative("quality", "后盖用了一个月就开裂")),
                item("同样的问题", null, Segment.CORE, negative("quality", "同样的问题"))));
        WeeklyReport r = new WeeklyReportBuilder(store, CAL, 30, WeeklyReportBuilder.ReportNotes.NONE,
                Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ZoneOffset.UTC)).build(WEEK, null);
        assertThat(r.verbatims()).extracting(WeeklyReport.Verbatim::text)
                .contains("充电口接触不良，用了两周就充不进电。再这样就换机了").doesNotContain("暂无建议");
        assertThat(r.coreOpinions()).filteredOn(o -> o.aspect().equals("quality")).singleElement()
                .satisfies(o -> assertThat(o.example()).isEqualTo("质量问题太多了，后盖用了一个月就开裂。"));
    }
}
