package io.koubei.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Sentiment;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's default week is the latest complete week with data, and a week without data says so — which
 * sources went quiet, the alerts still open — instead of "no divergence" and "no alerts".
 */
class ReportSilenceTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    /** Thursday of 2026-W48: the last complete week is W47. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, String> SOURCE_NAMES = Map.of("weibo", "微博", "tmall", "天猫", "forum", "星河社区");

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

    private void add(String week, String source, Channel channel, int n) {
        List<AnalyzedFeedback> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = CAL.weekStart(week).plusSeconds(2 * 86400 + 4 * 3600 + seq);
            String id = source + ":" + (seq++);
            FeedbackItem item = FeedbackItem.builder().id(id).source(source).channel(channel).externalId(id).createdAt(at)
                    .text("续航一般，充电还算快").product("x1").author(new Author("a" + seq, null, null, null, null, null, null))
                    .build();
            Analysis analysis = new Analysis(List.of("续航一般，充电还算快"), new Sentiment(Polarity.NEUTRAL, 0, List.of()),
                    List.of(), null, Segment.MASS, 0L, Set.of(), "test");
            batch.add(new AnalyzedFeedback(item, analysis, CAL.week(at), CAL.day(at)));
        }
        store.upsert(batch);
    }

    /** One alert raised in W44, still open and acknowledged by wang; none raised in later weeks. */
    private static final WeeklyReportBuilder.ReportNotes OPEN_FROM_W44 = new WeeklyReportBuilder.ReportNotes() {
        @Override
        public List<WeeklyReport.Note> notesFor(String week, String product) {
            return week.equals("2026-W44") ? List.of(new WeeklyReport.Note("突增", "续航差评突增", "负面 40 条")) : List.of();
        }

        @Override
        public List<WeeklyReport.FollowUp> openFor(String week, String product) {
            return week.compareTo("2026-W44") < 0 ? List.of()
                    : List.of(new WeeklyReport.FollowUp("突增", "续航差评突增", "warning", "2026-W44", "acknowledged", "wang",
                            week.equals("2026-W44")));
        }
    };

    private WeeklyReportBuilder builder() {
        return new WeeklyReportBuilder(store, CAL, 30, OPEN_FROM_W44, NOW);
    }

    private HtmlReportRenderer html() {
        return new HtmlReportRenderer(ReportTemplates.engine(), CAL.zone(), (a, l) -> a, (s, l) -> s, SOURCE_NAMES::get);
    }

    @Test
    void theDefaultWeekIsTheLatestCompleteWeekWithData() {
        add("2026-W44", "weibo", Channel.SOCIAL, 5);
        add("2026-W45", "weibo", Channel.SOCIAL, 5);
        add("2026-W48", "weibo", Channel.SOCIAL, 5); // the current week: not complete
        assertThat(builder().lastCompleteWeek()).isEqualTo("2026-W47");
        assertThat(builder().defaultWeek()).isEqualTo("2026-W45");
    }

    @Test
    void withNoDataAtAllTheDefaultIsTheLastCompleteWeek() {
        assertThat(builder().defaultWeek()).isEqualTo("2026-W47");
    }

    @Test
    void anEmptyWeekSaysNoDataArrivedWhichSourcesWentQuietAndWhatIsStillOpen() {
        add("2026-W44", "weibo", Channel.SOCIAL, 20);
        add("2026-W44", "tmall", Channel.REVIEW, 8);
        WeeklyReport r = builder().build("2026-W46", null);
        assertThat(r.silence().noData()).isTrue();
        assertThat(r.silence().quietSources()).containsExactly("weibo", "tmall");
        assertThat(r.silence().lastWeekWithData()).isEqualTo("2026-W44");

        String zh = html().render(r, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).contains("本周（2026-W46）没有收到任何反馈数据").contains("最近一次有数据的是 2026-W44")
                .contains("微博、天猫").contains("本周没有数据，无法判断各渠道是否背离").contains("沉默本身就是信号")
                .contains("仍未解决的预警 1 条").contains("续航差评突增").contains("负责人 wang")
                .doesNotContain("未发现背离").doesNotContain("本周无预警");
        String en = html().render(r, null, Locale.ENGLISH);
        assertThat(en).contains("No feedback at all arrived in 2026-W46").contains("微博, 天猫")
                .contains("whether channels diverge cannot be judged").contains("1 alerts are still unresolved")
                .contains("owner wang").doesNotContain("no divergence").doesNotContain("No alerts this week");
        String md = new MarkdownReportRenderer(a -> a, SOURCE_NAMES::get).render(r);
        assertThat(md).contains("本周（2026-W46）没有收到任何反馈数据").contains("微博、天猫").contains("仍未解决的预警 1 条")
                .contains("负责人 wang").doesNotContain("未发现背离").doesNotContain("本周无预警");
        String mdEn = new MarkdownReportRenderer(a -> a, SOURCE_NAMES::get).render(r, Locale.ENGLISH);
        assertThat(mdEn).contains("No feedback at all arrived in 2026-W46").contains("the silence itself is the signal")
                .contains("1 alerts are still unresolved").doesNotContain("no divergence").doesNotContain("No alerts this week");
    }

    @Test
    void aWeekWithDataButNoNewAlertStillNamesTheOpenOnesAndTheQuietSource() {
        add("2026-W44", "weibo", Channel.SOCIAL, 20);
        add("2026-W44", "forum", Channel.COMMUNITY, 6);
        add("2026-W45", "weibo", Channel.SOCIAL, 20);
        WeeklyReport r = builder().build("2026-W45", null);
        assertThat(r.silence().noData()).isFalse();
        assertThat(r.silence().quietSources()).containsExactly("forum");
        String zh = html().render(r, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).contains("本周没有新预警").contains("仍未解决的预警 1 条").contains("续航差评突增")
                .contains("本周沉默的来源（前四周有数据，本周为 0）：星河社区").doesNotContain("没有收到任何反馈数据");
    }
}
