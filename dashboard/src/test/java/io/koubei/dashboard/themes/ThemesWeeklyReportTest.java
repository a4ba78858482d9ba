package io.koubei.dashboard.themes;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.report.HtmlReportRenderer;
import io.koubei.dashboard.report.MarkdownReportRenderer;
import io.koubei.dashboard.report.ReportTemplates;
import io.koubei.dashboard.report.WeeklyReport;
import io.koubei.dashboard.report.WeeklyReportBuilder;
import io.koubei.dashboard.signals.Detectors;
import io.koubei.store.embedded.LuceneFeedbackStore;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly report's "new this week" section over a real store, real analysis and real theme discovery: a problem
 * no taxonomy word names (fingerprint unlocking fails after an update) that starts in the report week is listed
 * first, with its negative volume against its usual, its channels, a masked sentence and the link to its items; a
 * calm week says in one sentence that there are none, in Chinese and English.
 */
class ThemesWeeklyReportTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final KoubeiAnalyzer ANALYZER = FeedbackAnalyzers.builtIn();
    private static final Instant START = Instant.parse("2026-09-08T04:00:00Z");
    private static final int WEEKS = 9;
    private static final String[] CALM = {"屏幕很清晰，满意", "续航太差了，一天三充", "拍照效果不错", "物流很快，包装完好",
            "客服态度很差", "Nova X9 外观很漂亮", "系统有点卡顿", "价格偏贵", "Nova X9 真不错，推荐"};
    private static final String[] PROBLEM = {"升级以后指纹解锁老是失败，电话13812345678联系我", "指纹解锁失败好几次，只能输密码",
            "更新后指纹解锁不灵了，很烦", "指纹解锁太慢了，失败率很高"};
    private static final Channel[] CHANNELS = {Channel.COMMUNITY, Channel.SOCIAL, Channel.REVIEW, Channel.TICKET};

    /** Calm weeks; with the problem, 12 complaints in the last week only. */
    private static List<AnalyzedFeedback> items(boolean withProblem) {
        AnalysisPipeline pipeline = new AnalysisPipeline(ANALYZER, CAL);
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            Instant at = START.plus(Duration.ofDays(7L * w));
            for (int i = 0; i < 45; i++) {
                out.add(pipeline.process(item("c" + w + "-" + i, at.plusSeconds(i * 600L), CHANNELS[i % 4],
                        CALM[(i + w) % CALM.length])));
            }
            if (withProblem && w == WEEKS - 1) {
                for (int i = 0; i < 12; i++) {
                    out.add(pipeline.process(item("p" + w + "-" + i, at.plusSeconds(i * 900L), CHANNELS[i % 4],
                            PROBLEM[i % PROBLEM.length])));
                }
            }
        }
        return out;
    }

    private static FeedbackItem item(String id, Instant at, Channel channel, String text) {
        return FeedbackItem.builder().id(id).source("test").channel(channel).createdAt(at).text(text)
                .product("Nova X9").productVersion("2.1").build();
    }

    private static WeeklyReport report(Path dir, boolean withProblem, String week) {
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"))) {
            store.upsert(items(withProblem));
            ThemeService themes = new ThemeService(store, () -> ANALYZER, () -> List.of("Nova X9"),
                    new ThemeEditStore(new FileStateStore(dir)));
            Detectors detectors = new Detectors(ScanConfig::defaults, store);
            return new WeeklyReportBuilder(store, CAL, 30, WeeklyReportBuilder.ReportNotes.NONE,
                    Clock.fixed(START.plus(Duration.ofDays(7L * WEEKS + 3)), ZoneOffset.UTC), detectors::config)
                    .withThemes(new ThemeReportSource(themes, detectors::config))
                    .build(week, null);
        }
    }

    @Test
    void anUnnamedProblemOfTheWeekIsListedFirstWithItsLink(@TempDir Path dir) {
        String week = CAL.week(START.plus(Duration.ofDays(7L * (WEEKS - 1))));
        WeeklyReport r = report(dir, true, week);

        assertThat(r.newThemes()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        WeeklyReport.NewTheme first = r.newThemes().get(0);
        assertThat(first.name()).contains("指纹解锁");
        assertThat(first.firstSeen()).isTrue();
        assertThat(first.emerging()).isTrue();
        assertThat(first.negative()).isGreaterThanOrEqualTo(10);
        assertThat(first.usual()).isZero();
        assertThat(first.channels()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(first.quote()).contains("指纹解锁").doesNotContain("13812345678");
        assertThat(first.link()).isEqualTo("/search?theme=" + first.id() + "&week=" + week);
        assertThat(first.id()).matches("th-[0-9a-f]{10}");

        String zh = new MarkdownReportRenderer().render(r);
        assertThat(zh).contains("## 新主题").contains("**" + first.name() + "**").contains("本周首次出现")
                .contains("(" + first.link() + ")").doesNotContain("本周没有新出现的主题").doesNotContain("13812345678");
        String en = new MarkdownReportRenderer().render(r, Locale.ENGLISH);
        assertThat(en).contains("## New themes").contains("first seen this week").contains("negative items, usually about 0 a week");
        String html = new HtmlReportRenderer(ReportTemplates.engine(), CAL.zone()).render(r, null, Locale.ENGLISH);
        assertThat(html).contains("id=\"new-themes\"").contains("href=\"/search?theme=" + first.id() + "&amp;week=" + week + "\"")
                .contains("New themes").doesNotContain("no-new-themes");
    }

    /**
     * Once the vocabulary is built, a report's new themes come from its snapshot of mentions: no scan of the weeks'
     * items (a million at scale: minutes per report), the product filter kept, the texts read only for the quote.
     */
    @Test
    void theWeeksNewThemesReadNoWeeksItems(@TempDir Path dir) {
        String week = CAL.week(START.plus(Duration.ofDays(7L * (WEEKS - 1))));
        List<String> history = new ArrayList<>();
        for (int w = 1; w < WEEKS; w++) {
            history.add(0, CalendarKeys.shiftWeek(week, -w));
        }
        try (LuceneFeedbackStore lucene = new LuceneFeedbackStore(dir.resolve("index"))) {
            lucene.upsert(items(true));
            java.util.concurrent.atomic.AtomicInteger scans = new java.util.concurrent.atomic.AtomicInteger();
            FeedbackStore counting = (FeedbackStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {FeedbackStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("scan")) {
                            scans.incrementAndGet();
                        }
                        try {
                            return method.invoke(lucene, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            ThemeService themes = new ThemeService(counting, () -> ANALYZER, () -> List.of("Nova X9"),
                    new ThemeEditStore(new FileStateStore(dir)));
            themes.all(); // the vocabulary: one scan of everything
            scans.set(0);

            List<ThemeService.WeekTheme> ours = themes.newInWeek(week, "Nova X9", history, 5);
            assertThat(scans.get()).as("scans of the weeks' items").isZero();
            assertThat(ours).isNotEmpty();
            assertThat(ours.get(0).name()).contains("指纹解锁");
            assertThat(ours.get(0).negative()).isGreaterThanOrEqualTo(10);
            assertThat(ours.get(0).quote()).contains("指纹解锁").doesNotContain("13812345678");
            assertThat(themes.newInWeek(week, null, history, 5)).isEqualTo(ours);
            assertThat(themes.newInWeek(week, "Other Phone", history, 5)).as("another product's week").isEmpty();
        }
    }

    @Test
    void aCalmWeekSaysThereAreNone(@TempDir Path dir) {
        String week = CAL.week(START.plus(Duration.ofDays(7L * (WEEKS - 1))));
        WeeklyReport r = report(dir, false, week);

        assertThat(r.newThemes()).isEmpty();
        assertThat(new MarkdownReportRenderer().render(r)).contains("## 新主题").contains("本周没有新出现的主题。");
        assertThat(new MarkdownReportRenderer().render(r, Locale.ENGLISH)).contains("No new themes this week.");
        String html = new HtmlReportRenderer(ReportTemplates.engine(), CAL.zone()).render(r, null);
        assertThat(html).contains("id=\"no-new-themes\"").contains("本周没有新出现的主题。");
    }
}
