package io.koubei.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top of the report: 本周结论 (NPS with its change and significance, the biggest finding with its evidence, what
 * got better, the volume and — once — which channels carry no NPS), 主要原因, 建议跟进 with owners; no rows of
 * "无数据", one driver per aspect, one number per quantity; Chinese and English alike.
 */
class ReportSummaryTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final String WEEK = "2026-W45";
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @TempDir
    Path dir;
    LuceneFeedbackStore store;
    WeeklyReport report;

    /** One alert open since W43, acknowledged by wang; one new this week, unassigned. */
    private static final WeeklyReportBuilder.ReportNotes NOTES = new WeeklyReportBuilder.ReportNotes() {
        @Override
        public List<WeeklyReport.Note> notesFor(String week, String product) {
            return List.of();
        }

        @Override
        public List<WeeklyReport.FollowUp> openFor(String week, String product) {
            return List.of(new WeeklyReport.FollowUp("突增", "Battery complaints surge", "critical", "2026-W43", "acknowledged", "wang", false),
                    new WeeklyReport.FollowUp("满意度", "NPS drop", "warning", WEEK, "open", null, true));
        }
    };

    @BeforeEach
    void setUp() {
        store = new LuceneFeedbackStore(dir.resolve("index"));
        ReportFixture.seed(store, WEEK);
        report = new WeeklyReportBuilder(store, CAL, 30, NOTES, Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ZoneOffset.UTC))
                .build(WEEK, null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String html(Locale locale) {
        return new HtmlReportRenderer(ReportTemplates.engine(), CAL.zone()).render(report, null, locale);
    }

    private static String between(String html, String startMarker, String endMarker) {
        int start = html.indexOf(startMarker);
        return html.substring(start, html.indexOf(endMarker, start));
    }

    @Test
    void chineseSummaryOpensThePageWithNpsChangeFindingImprovementAndVolume() {
        String html = html(Locale.SIMPLIFIED_CHINESE);
        assertThat(html.indexOf("本周结论")).isLessThan(html.indexOf("NPS 净推荐值"));
        String conclusions = between(html, "id=\"conclusions\"", "</p>");
        // 30 promoters, 25 passives, 45 detractors: NPS −15; the weeks before were about +30
        assertThat(conclusions).contains("本周 NPS 为 -15.0（95% 区间").contains("比上周低").contains("比前四周低")
                .contains("（显著）")
                .contains("拉低 NPS 最多的是「battery」：贬损者 45 人中 45 人（100%）负面提到它")
                .contains("做得好的是「camera」")
                .contains("本周共 148 条反馈，其中 100 条带 NPS 评分")
                .contains("社区、评价、社交媒体、工单的反馈不带 NPS 评分");
        long sentences = conclusions.chars().filter(c -> c == '。').count();
        assertThat(sentences).isBetween(3L, 5L);
        assertThat(between(html, "id=\"reasons\"", "</ul>")).contains("「battery」：贬损者中 100%");
        assertThat(between(html, "id=\"follow-ups\"", "</ul>"))
                .contains("【满意度】NPS drop（警告，本周新增，未认领，请指定负责人）")
                .contains("【突增】Battery complaints surge（严重，2026-W43 起，负责人 wang）");
        assertThat(html).contains("口径：反馈量 = 本周收到的全部反馈");
    }

    @Test
    void noRowSaysNoDataAndEachAspectDrivesOnce() {
        String html = html(Locale.SIMPLIFIED_CHINESE);
        assertThat(html).doesNotContain("无数据");
        assertThat(report.drivers()).extracting(WeeklyReport.Driver::aspect).doesNotHaveDuplicates();
    }

    @Test
    void everyCountIsOneNumber() {
        long volume = report.headline().volume();
        assertThat(report.byChannel().stream().mapToLong(WeeklyReport.Row::volume).sum()).isEqualTo(volume);
        assertThat(report.byProduct().stream().mapToLong(WeeklyReport.Row::volume).sum()).isEqualTo(volume);
        assertThat(report.bySegment().stream().mapToLong(WeeklyReport.Row::volume).sum()).isEqualTo(volume);
        assertThat(report.integrity().items()).isEqualTo(volume);
        WeeklyReport.Row mass = report.bySegment().stream().filter(r -> r.key().equals("mass")).findFirst().orElseThrow();
        assertThat(report.massImpression().volume()).isEqualTo(mass.volume());
        String html = html(Locale.SIMPLIFIED_CHINESE);
        assertThat(html).contains("反馈量 " + mass.volume() + "，");
    }

    @Test
    void englishSummaryHasTheSameContentAndNoChineseSentence() {
        String html = html(Locale.ENGLISH);
        String summary = between(html, "id=\"summary\"", "id=\"definitions\"");
        assertThat(summary).contains("This week in brief").contains("NPS this week is -15.0 (95% interval")
                .contains("pts below last week (significant)").contains("pts below the 4 weeks before (significant)")
                .contains("battery pulls NPS down most: 45 of 45 detractors (100%) mention it negatively")
                .contains("What works: camera").contains("148 items arrived this week, 100 of them with an NPS score")
                .contains("Community, Reviews, Social, Tickets carry no NPS score")
                .contains("[satisfaction] NPS drop (warning, new this week, unassigned: name an owner)")
                .contains("[spike] Battery complaints surge (critical, since 2026-W43, owner wang)");
        Matcher han = HAN.matcher(summary);
        assertThat(han.find()).as("Chinese in the English summary: " + (han.find(0) ? summary.substring(Math.max(0, han.start() - 40), han.start() + 10) : "")).isFalse();
        assertThat(html).doesNotContain("no data");
    }

    @Test
    void alertsInTheEnglishReportAreNamedFromWhatTheyAreAboutNotByTheDetectorsChinese() {
        WeeklyReport.Subject spike = new WeeklyReport.Subject("SPIKE", List.of("social"), "battery", "x1", null);
        WeeklyReportBuilder.ReportNotes notes = new WeeklyReportBuilder.ReportNotes() {
            @Override
            public List<WeeklyReport.Note> notesFor(String week, String product) {
                return List.of(new WeeklyReport.Note("突增", "突增：social / battery / x1 的负面声量 254 条", "超过基线 6.9 倍", spike, null, null));
            }

            @Override
            public List<WeeklyReport.FollowUp> openFor(String week, String product) {
                return List.of(new WeeklyReport.FollowUp("沉默", "声量骤降：tmall", "critical", "2026-W43", "open", null, false,
                        new WeeklyReport.Subject("SILENCE", List.of("review"), null, null, "tmall")));
            }
        };
        WeeklyReport r = new WeeklyReportBuilder(store, CAL, 30, notes,
                Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ZoneOffset.UTC)).build(WEEK, null);
        String en = new HtmlReportRenderer(ReportTemplates.engine(), CAL.zone()).render(r, null, Locale.ENGLISH);
        String summary = between(en, "id=\"summary\"", "id=\"definitions\"");
        assertThat(summary).contains("Most notable: [spike] Negative posts surged: Social · battery · x1.")
                .contains("[silence] Volume dropped: Reviews · tmall (critical, since 2026-W43, unassigned: name an owner)");
        assertThat(HAN.matcher(summary).find()).isFalse();
        assertThat(between(en, "id=\"alerts\"", "</ul>")).contains("Negative posts surged: Social · battery · x1")
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(between(en, "id=\"open-alert-list\"", "</ul>")).contains("Volume dropped: Reviews · tmall")
                .doesNotContainPattern("\\p{IsHan}");
        String md = new MarkdownReportRenderer().render(r, Locale.ENGLISH);
        assertThat(md).contains("Negative posts surged: Social · battery · x1").doesNotContain("突增：social");
        // Chinese names it the same way, with display names; the detail is the producer's
        String zh = new HtmlReportRenderer(ReportTemplates.engine(), CAL.zone(), (a, l) -> a, (g, l) -> g,
                source -> java.util.Map.of("tmall", "天猫").getOrDefault(source, source)).render(r, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).contains("最值得关注：【突增】负面声量突增：社交媒体 · battery · x1——超过基线 6.9 倍")
                .contains("声量骤降：评价 · 天猫（严重，2026-W43 起，未认领，请指定负责人）").doesNotContain("突增：social");
    }

    @Test
    void markdownCarriesTheSameSummary() {
        String md = new MarkdownReportRenderer().render(report);
        assertThat(md.indexOf("## 本周结论")).isLessThan(md.indexOf("## NPS"));
        assertThat(md).contains("拉低 NPS 最多的是「battery」").contains("## 主要原因").contains("## 建议跟进")
                .contains("负责人 wang").doesNotContain("无数据");
    }

    @Test
    void englishMarkdownHasNoChineseExceptUserText() {
        String md = new MarkdownReportRenderer().render(report, Locale.ENGLISH);
        assertThat(md).startsWith("# Koubei weekly report 2026-W45").contains("## This week in brief")
                .contains("battery pulls NPS down most").contains("## Main reasons").contains("## Follow up")
                .contains("owner wang").contains("## By channel").contains("| Survey |").doesNotContain("no data");
        // the fixture's user text (verbatims, core users' examples) is the only Chinese left
        String generated = md.replaceAll("(?m)^> .*$", "").replaceAll("\\*\\*[^*]+\\*\\* \\([^)]*\\): .*", "");
        Matcher han = HAN.matcher(generated);
        assertThat(han.find()).as(han.find(0) ? generated.substring(Math.max(0, han.start() - 60), Math.min(generated.length(), han.start() + 20)) : "")
                .isFalse();
    }
}
