package io.koubei.dashboard.themes;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.alerting.AlertRepository;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.signals.EventRegistry;
import io.koubei.dashboard.signals.SignalsService;
import io.koubei.store.embedded.LuceneFeedbackStore;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.QueryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario the issue is checked on, through the store and the detector scan: a problem no taxonomy word names
 * (fingerprint unlocking fails after an update) starts in one week across several channels; the scan of that week
 * raises EMERGING_THEME naming it, a calm control raises none, and the themes list shows it with its first week and
 * masked quotes; the team's rename and hide are applied.
 */
class ThemesScanTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final KoubeiAnalyzer ANALYZER = FeedbackAnalyzers.builtIn();
    private static final Instant START = Instant.parse("2026-09-08T04:00:00Z");
    private static final int WEEKS = 10;
    private static final int PROBLEM_WEEK = 8;
    private static final String[] CALM = {"屏幕很清晰，满意", "续航太差了，一天三充", "拍照效果不错", "物流很快，包装完好",
            "客服态度很差", "Nova X9 外观很漂亮", "系统有点卡顿", "价格偏贵", "Nova X9 真不错，推荐"};
    private static final String[] PROBLEM = {"升级以后指纹解锁老是失败，电话13812345678联系我", "指纹解锁失败好几次，只能输密码",
            "更新后指纹解锁不灵了，很烦", "指纹解锁太慢了，失败率很高"};
    private static final Channel[] CHANNELS = {Channel.COMMUNITY, Channel.SOCIAL, Channel.REVIEW, Channel.TICKET};

    private static List<AnalyzedFeedback> items(boolean withProblem) {
        return items(withProblem, 45);
    }

    private static List<AnalyzedFeedback> items(boolean withProblem, int calmPerWeek) {
        AnalysisPipeline pipeline = new AnalysisPipeline(ANALYZER, CAL);
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            Instant at = START.plus(Duration.ofDays(7L * w));
            for (int i = 0; i < calmPerWeek; i++) {
                out.add(pipeline.process(item("c" + w + "-" + i, at.plusSeconds(i * 600L), CHANNELS[i % 4], "1.0",
                        CALM[(i + w) % CALM.length])));
            }
            if (withProblem && w >= PROBLEM_WEEK) {
                for (int i = 0; i < 12; i++) {
                    out.add(pipeline.process(item("p" + w + "-" + i, at.plusSeconds(i * 900L), CHANNELS[i % 4], "2.1",
                            PROBLEM[i % PROBLEM.length])));
                }
            }
        }
        return out;
    }

    private static FeedbackItem item(String id, Instant at, Channel channel, String version, String text) {
        return FeedbackItem.builder().id(id).source("test").channel(channel).createdAt(at).text(text)
                .product("Nova X9").productVersion(version).build();
    }

    private record Run(List<SignalsService.ScanSummary> scans, ThemeService themes, LuceneFeedbackStore store) {
    }

    private static Run run(Path dir, boolean withProblem) throws Exception {
        return run(dir, withProblem, false);
    }

    /** @param asDeployed the configuration as the application gives it (Detectors: it carries the data's first week) */
    private static Run run(Path dir, boolean withProblem, boolean asDeployed) throws Exception {
        LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"));
        // the deployed case with twice the calm volume: ~10 negative items per theme from the first week on
        store.upsert(items(withProblem, asDeployed ? 90 : 45));
        ThemeService themes = new ThemeService(store, () -> ANALYZER, () -> List.of("Nova X9"),
                new ThemeEditStore(new FileStateStore(dir)));
        AlertService alerts = new AlertService(new AlertRepository(dir), new AlertProperties(), List.of(),
                Clock.systemUTC(), CAL.zone());
        SignalsService signals = (asDeployed
                ? new SignalsService(store, CAL, new io.koubei.dashboard.signals.Detectors(ScanConfig::defaults, store)::config,
                        new EventRegistry(dir), alerts)
                : new SignalsService(store, CAL, ScanConfig.defaults(), new EventRegistry(dir), alerts))
                .withThemes(themes);
        return new Run(signals.scanAllWeeks(), themes, store);
    }

    private static List<Signal> emerging(SignalsService.ScanSummary s) {
        return s.signals().stream().filter(x -> x.type() == SignalType.EMERGING_THEME).toList();
    }

    @Test
    void anUnnamedProblemIsRaisedInTheWeekItStartsAndListedAsATheme(@TempDir Path dir) throws Exception {
        Run r = run(dir, true);
        String problemWeek = CAL.week(START.plus(Duration.ofDays(7L * PROBLEM_WEEK)));
        for (SignalsService.ScanSummary s : r.scans()) {
            if (s.week().equals(problemWeek)) {
                assertThat(emerging(s)).as(s.week()).hasSize(1);
                Signal e = emerging(s).get(0);
                assertThat(e.title()).contains("指纹解锁");
                assertThat(e.channels()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(e.evidence().facts().get("versions")).isEqualTo("2.1");
                assertThat(e.evidence().itemIds()).allMatch(id -> id.startsWith("p"));
            } else {
                assertThat(emerging(s)).as("no emerging theme in " + s.week()).isEmpty();
            }
        }
        List<ThemeService.ThemeView> list = r.themes().list(FeedbackFilter.ALL, false);
        ThemeService.ThemeView unlock = list.stream().filter(t -> t.name().equals("指纹解锁")).findFirst().orElseThrow();
        assertThat(unlock.firstSeen()).isEqualTo(problemWeek);
        assertThat(unlock.aspect()).isNull();
        assertThat(unlock.negativeShare()).isGreaterThan(0.9);
        assertThat(String.join(" ", unlock.quotes())).contains("指纹解锁").doesNotContain("13812345678");
        assertThat(list).noneMatch(t -> t.name().toLowerCase().contains("nova") || t.name().contains("X9"));
        assertThat(r.themes().itemIds(FeedbackFilter.ALL, unlock.id())).allMatch(id -> id.startsWith("p")).hasSize(24);
        QueryService queries = new QueryService(r.store(), ANALYZER, CAL, 1);
        queries.useThemes(r.themes());
        assertThat(queries.search(FilterParams.of(Map.of("theme", List.of(unlock.id()))), 0, 50).total()).isEqualTo(24);
        assertThat(queries.search(FilterParams.of(Map.of("theme", List.of(unlock.id()), "week", List.of(problemWeek))), 0, 50)
                .items()).hasSize(12).allMatch(i -> i.id().startsWith("p"));
        assertThat(queries.search(FilterParams.of(Map.of("theme", List.of("th-0000000000"))), 0, 50).total()).isZero();

        // a few new items (a re-scan after new feedback): read into the same themes without rediscovery
        AnalysisPipeline pipeline = new AnalysisPipeline(ANALYZER, CAL);
        List<AnalyzedFeedback> more = new ArrayList<>();
        Instant later = START.plus(Duration.ofDays(7L * WEEKS));
        for (int i = 0; i < 10; i++) {
            more.add(pipeline.process(item("q" + i, later.plusSeconds(i * 60L), CHANNELS[i % 4], "2.1", PROBLEM[i % PROBLEM.length])));
        }
        r.store().upsert(more);
        assertThat(r.themes().itemIds(FeedbackFilter.ALL, unlock.id())).hasSize(34);
        assertThat(r.themes().list(FeedbackFilter.ALL, false)).anyMatch(t -> t.id().equals(unlock.id()) && t.volume() == 34);

        r.themes().edits().change(unlock.id(), e -> new ThemeEdit(e.id(), "指纹解锁失败", false, null, null));
        assertThat(r.themes().list(FeedbackFilter.ALL, false)).anyMatch(t -> t.id().equals(unlock.id()) && t.name().equals("指纹解锁失败"));
        r.themes().edits().change(unlock.id(), e -> new ThemeEdit(e.id(), e.name(), true, null, null));
        assertThat(r.themes().list(FeedbackFilter.ALL, false)).noneMatch(t -> t.id().equals(unlock.id()));
        assertThat(r.themes().list(FeedbackFilter.ALL, true)).anyMatch(t -> t.id().equals(unlock.id()) && t.hidden());
    }

    @Test
    void theCalmControlStaysQuietAlsoWithTheDeployedConfiguration(@TempDir Path dir) throws Exception {
        // regression: with the data's first week already in the configuration, the theme history reached back before
        // the data, so every theme of the first weeks "emerged" from zeros (57 alerts on a calm replay file)
        Run r = run(dir, false, true);
        for (SignalsService.ScanSummary s : r.scans()) {
            assertThat(emerging(s)).as("no emerging theme in " + s.week()).isEmpty();
        }
    }

    @Test
    void theCalmControlStaysQuiet(@TempDir Path dir) throws Exception {
        Run r = run(dir, false);
        assertThat(r.scans()).hasSize(WEEKS);
        for (SignalsService.ScanSummary s : r.scans()) {
            assertThat(emerging(s)).as(s.week()).isEmpty();
        }
    }
}
