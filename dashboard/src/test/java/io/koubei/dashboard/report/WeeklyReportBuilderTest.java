package io.koubei.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeeklyReportBuilderTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final String WEEK = "2026-W45";

    @TempDir
    Path dir;
    LuceneFeedbackStore store;
    WeeklyReportBuilder builder;
    int seq;

    @BeforeEach
    void setUp() {
        store = new LuceneFeedbackStore(dir.resolve("index"));
        builder = new WeeklyReportBuilder(store, CAL, 30, WeeklyReportBuilder.ReportNotes.NONE,
                Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** An NPS response in the given week (Wednesday noon, Shanghai) with an opinion on an aspect. */
    private AnalyzedFeedback response(String week, int score, String aspect, Polarity aspectPolarity, Segment segment) {
        Instant at = CAL.weekStart(week).plusSeconds(2 * 86400 + 4 * 3600 + seq);
        String id = "nps:" + (seq++);
        Polarity overall = score >= 9 ? Polarity.POSITIVE : score <= 6 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        FeedbackItem item = FeedbackItem.builder().id(id).source("nps").channel(Channel.SURVEY).externalId(id)
                .createdAt(at).text(aspect == null ? "还行" : aspect + " 评价 电话13812345678")
                .product("x1").rating(new Rating(RatingScale.NPS, score))
                .author(new Author("a" + seq, null, null, null, null, null, null)).build();
        List<OpinionPoint> ops = aspect == null ? List.of()
                : List.of(new OpinionPoint(aspect, aspect, aspectPolarity, List.of("差"), aspect + "不行"));
        Analysis analysis = new Analysis(List.of("还行"), new Sentiment(overall, overall == Polarity.POSITIVE ? 0.5 : overall == Polarity.NEGATIVE ? -0.5 : 0, List.of()),
                ops, item.rating().npsClass(), segment, 0L, Set.of(), "test");
        return new AnalyzedFeedback(item, analysis, CAL.week(at), CAL.day(at));
    }

    private void add(String week, int promoters, int passives, int detractors) {
        List<AnalyzedFeedback> batch = new ArrayList<>();
        for (int i = 0; i < promoters; i++) batch.add(response(week, 10, null, null, Segment.MASS));
        for (int i = 0; i < passives; i++) batch.add(response(week, 8, null, null, Segment.MASS));
        for (int i = 0; i < detractors; i++) batch.add(response(week, 3, null, null, Segment.MASS));
        store.upsert(batch);
    }

    @Test
    void smallChangeIsReportedAsNotSignificant() {
        add("2026-W44", 50, 30, 20); // NPS 30
        add(WEEK, 46, 32, 22); // NPS 24
        WeeklyReport r = builder.build(WEEK, null);
        assertThat(r.headline().current().nps()).isEqualTo(24.0);
        assertThat(r.headline().lastWeek().nps()).isEqualTo(30.0);
        assertThat(r.headline().vsLastWeek().significant()).isFalse();
        assertThat(r.headline().vsLastWeek().textZh()).isEqualTo("−6 分，不显著");
        assertThat(r.headline().vsLastWeek().textEn()).isEqualTo("−6 pts, not significant");
    }

    @Test
    void largeDropIsSignificantAgainstTheTrailingFourWeeks() {
        for (String w : List.of("2026-W41", "2026-W42", "2026-W43", "2026-W44")) {
            add(w, 60, 25, 15);
        }
        add(WEEK, 30, 25, 45);
        WeeklyReport r = builder.build(WEEK, null);
        assertThat(r.headline().trailing4().n()).isEqualTo(400);
        assertThat(r.headline().trailing4().nps()).isEqualTo(45.0);
        assertThat(r.headline().vsTrailing4().significant()).isTrue();
        assertThat(r.headline().vsTrailing4().textZh()).startsWith("−60 分").endsWith("显著").doesNotContain("不显著");
        assertThat(r.trend()).hasSize(12);
        assertThat(r.trend().get(11).week()).isEqualTo(WEEK);
    }

    @Test
    void smallSamplesAreMarkedInsufficient() {
        add(WEEK, 5, 2, 3);
        WeeklyReport r = builder.build(WEEK, null);
        assertThat(r.headline().current().sufficient()).isFalse();
        assertThat(r.coverage()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo("survey");
            assertThat(c.npsN()).isEqualTo(10);
            assertThat(c.sufficient()).isFalse();
        });
        assertThat(new MarkdownReportRenderer().render(r)).contains("数据不足（n=10）");
    }

    @Test
    void driversNameTheAspectDetractorsComplainAbout() {
        List<AnalyzedFeedback> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) batch.add(response(WEEK, 2, "battery", Polarity.NEGATIVE, Segment.MASS));
        for (int i = 0; i < 30; i++) batch.add(response(WEEK, 10, "camera", Polarity.POSITIVE, Segment.MASS));
        for (int i = 0; i < 2; i++) batch.add(response(WEEK, 10, "battery", Polarity.NEGATIVE, Segment.MASS));
        for (int i = 0; i < 8; i++) batch.add(response(WEEK, 3, null, null, Segment.MASS));
        store.upsert(batch);
        WeeklyReport r = builder.build(WEEK, null);
        WeeklyReport.Driver battery = r.drivers().stream().filter(d -> d.aspect().equals("battery")).findFirst().orElseThrow();
        assertThat(battery.direction()).isEqualTo("down");
        assertThat(battery.detractorMentions()).isEqualTo(20);
        assertThat(battery.detractors()).isEqualTo(28);
        assertThat(battery.promoterMentions()).isEqualTo(2);
        // 32 promoters, 28 detractors of 60; without battery's 20 negative detractors: (32 - 8) / 60
        assertThat(battery.npsWithout()).isEqualTo(40.0);
        assertThat(r.drivers()).anySatisfy(d -> {
            assertThat(d.aspect()).isEqualTo("camera");
            assertThat(d.direction()).isEqualTo("up");
        });
    }

    @Test
    void anAspectPraisedByPromotersAndBlamedByDetractorsIsOneDriverWhereItPullsHardest() {
        List<AnalyzedFeedback> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) batch.add(response(WEEK, 2, "battery", Polarity.NEGATIVE, Segment.MASS));
        for (int i = 0; i < 5; i++) batch.add(response(WEEK, 10, "battery", Polarity.POSITIVE, Segment.MASS));
        for (int i = 0; i < 25; i++) batch.add(response(WEEK, 10, null, null, Segment.MASS));
        store.upsert(batch);
        WeeklyReport r = builder.build(WEEK, null);
        // down: 20/20 detractors vs 0/30 promoters; up: 5/30 promoters vs 0/20 detractors — down pulls harder
        assertThat(r.drivers()).singleElement().satisfies(d -> {
            assertThat(d.aspect()).isEqualTo("battery");
            assertThat(d.direction()).isEqualTo("down");
        });
    }

    @Test
    void coreOpinionsAndMassImpressionAreSeparated() {
        List<AnalyzedFeedback> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) batch.add(response(WEEK, 5, "screen", Polarity.NEGATIVE, Segment.CORE));
        for (int i = 0; i < 9; i++) batch.add(response(WEEK, 9, "price", Polarity.POSITIVE, Segment.MASS));
        store.upsert(batch);
        WeeklyReport r = builder.build(WEEK, null);
        assertThat(r.coreOpinions()).singleElement().satisfies(o -> {
            assertThat(o.aspect()).isEqualTo("screen");
            assertThat(o.count()).isEqualTo(6);
            assertThat(o.example()).doesNotContain("13812345678");
        });
        assertThat(r.massImpression().volume()).isEqualTo(9);
        assertThat(r.massImpression().clusteredAspects()).extracting(WeeklyReport.AspectCount::aspect).containsExactly("price");
    }

    @Test
    void htmlIsSelfContainedXhtmlWithAnInlineChartAndMaskedVerbatims() throws Exception {
        add("2026-W44", 50, 30, 20);
        add(WEEK, 40, 30, 30);
        store.upsert(List.of(response(WEEK, 2, "battery", Polarity.NEGATIVE, Segment.MASS)));
        var engine = ReportTemplates.engine();
        String html = new HtmlReportRenderer(engine, CAL.zone()).render(builder.build(WEEK, null), null);
        assertThat(html).contains("<svg").contains("口碑周报 · 2026-W45").contains("−21 分，不显著")
                .doesNotContain("<script").doesNotContain("13812345678").contains("138****5678");
        // well-formed XML, as the PDF renderer requires
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        PdfReportRenderer pdf = new PdfReportRenderer(null);
        if (pdf.font().isPresent()) {
            byte[] bytes = pdf.render(new HtmlReportRenderer(engine, CAL.zone()).render(builder.build(WEEK, null), pdf.fontFamily()));
            assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        } else {
            assertThatThrownBy(() -> pdf.render(html)).hasMessageContaining("koubei.report.pdf-font");
        }
    }
}
