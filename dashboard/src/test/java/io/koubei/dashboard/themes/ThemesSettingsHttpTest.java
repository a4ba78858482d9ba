package io.koubei.dashboard.themes;

import io.koubei.dashboard.FormSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The themes section of the settings page over real HTTP (a signed-in browser session with its CSRF token): an analyst
 * sees the discovered themes with volume, negative share and first week, renames, hides, shows and merges them, and
 * the themes service (the API's) reflects each change; a viewer reads it without forms and cannot change anything; a
 * post without the CSRF token is refused.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThemesSettingsHttpTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final Instant START = Instant.parse("2026-09-08T04:00:00Z");
    private static final String[] CALM = {"屏幕很清晰，满意", "续航太差了，一天三充", "拍照效果不错", "物流很快，包装完好",
            "客服态度很差", "系统有点卡顿", "价格偏贵"};
    private static final String[] PROBLEM = {"升级以后指纹解锁老是失败", "指纹解锁失败好几次，只能输密码",
            "更新后指纹解锁不灵了，很烦", "指纹解锁太慢了，失败率很高"};

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.users[0].name", () -> "root");
        r.add("koubei.security.users[0].password", () -> "root-pw-123");
        r.add("koubei.security.users[0].role", () -> "ADMIN");
        r.add("koubei.security.users[1].name", () -> "ana");
        r.add("koubei.security.users[1].password", () -> "ana-pw-1234");
        r.add("koubei.security.users[1].role", () -> "ANALYST");
        r.add("koubei.security.users[2].name", () -> "vic");
        r.add("koubei.security.users[2].password", () -> "vic-pw-1234");
        r.add("koubei.security.users[2].role", () -> "VIEWER");
        r.add("koubei.sources.enabled", () -> "false");
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    FeedbackStore store;
    @Autowired
    ThemeService themes;

    @BeforeEach
    void feedback() {
        if (store.count(FeedbackFilter.ALL) > 0) {
            return;
        }
        AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
        List<AnalyzedFeedback> items = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Instant at = START.plus(Duration.ofDays(7L * w));
            for (int i = 0; i < 30; i++) {
                items.add(pipeline.process(item("c" + w + "-" + i, at.plusSeconds(i * 600L), CALM[(i + w) % CALM.length])));
            }
        }
        Instant last = START.plus(Duration.ofDays(21));
        for (int i = 0; i < 12; i++) {
            items.add(pipeline.process(item("p" + i, last.plusSeconds(i * 900L + 300), PROBLEM[i % PROBLEM.length])));
        }
        store.upsert(items);
    }

    private static FeedbackItem item(String id, Instant at, String text) {
        return FeedbackItem.builder().id(id).source("test").channel(Channel.COMMUNITY).createdAt(at).text(text)
                .product("Nova X9").build();
    }


    private FormSession signIn(String user, String password) throws Exception {
        return FormSession.signIn(port, user, password).formsFrom("/settings/themes");
    }

    private ThemeService.ThemeView theme(String name, boolean includeHidden) {
        return themes.list(FeedbackFilter.ALL, includeHidden).stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void anAnalystRenamesHidesShowsAndMergesThemes() throws Exception {
        ThemeService.ThemeView unlock = theme("指纹解锁", false);
        assertThat(unlock).as("the planted problem is a theme: " + themes.list(FeedbackFilter.ALL, true)).isNotNull();
        ThemeService.ThemeView other = themes.list(FeedbackFilter.ALL, false).stream()
                .filter(t -> !t.id().equals(unlock.id())).findFirst().orElseThrow();

        FormSession ana = signIn("ana", "ana-pw-1234");
        HttpResponse<String> page = ana.get("/settings/themes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"themes\"").contains("data-theme=\"" + unlock.id() + "\"").contains("指纹解锁")
                .contains("/search?theme=" + unlock.id()).contains(unlock.firstSeen()).contains("id=\"tab-themes\"")
                .doesNotContain("id=\"settings-readonly\"").contains("action=\"/settings/themes/" + unlock.id() + "/merge\"");

        // rename: the service (and so the API, the report and the alerts) use the team's name
        assertThat(ana.post("/settings/themes/" + unlock.id(), Map.of("name", "指纹解锁失败")).statusCode()).isEqualTo(302);
        assertThat(theme("指纹解锁失败", false)).isNotNull().extracting(ThemeService.ThemeView::id).isEqualTo(unlock.id());
        assertThat(ana.get("/settings/themes").body()).contains("指纹解锁失败").contains("已保存，主题立即更新。");

        // hide, then show again
        assertThat(ana.post("/settings/themes/" + unlock.id(), Map.of("hidden", "true")).statusCode()).isEqualTo(302);
        assertThat(theme("指纹解锁失败", false)).isNull();
        assertThat(theme("指纹解锁失败", true)).isNotNull().matches(ThemeService.ThemeView::hidden);
        assertThat(ana.get("/settings/themes").body()).contains("已隐藏").contains("取消隐藏");
        assertThat(ana.post("/settings/themes/" + unlock.id(), Map.of("hidden", "false")).statusCode()).isEqualTo(302);
        assertThat(theme("指纹解锁失败", false)).isNotNull();

        // merge another theme into it: its items count there, and it is no longer listed on its own
        long before = theme("指纹解锁失败", false).volume();
        assertThat(ana.post("/settings/themes/" + other.id() + "/merge", Map.of("into", unlock.id())).statusCode()).isEqualTo(302);
        assertThat(themes.list(FeedbackFilter.ALL, true)).noneMatch(t -> t.id().equals(other.id()));
        assertThat(theme("指纹解锁失败", false).volume()).isGreaterThan(before);
        // and undo it (into = its own id), as the API does
        assertThat(ana.post("/settings/themes/" + other.id() + "/merge", Map.of("into", other.id())).statusCode()).isEqualTo(302);
        assertThat(themes.list(FeedbackFilter.ALL, true)).anyMatch(t -> t.id().equals(other.id()));

        // not a theme id: refused, nothing changed
        assertThat(ana.post("/settings/themes/not-a-theme", Map.of("name", "x")).statusCode()).isEqualTo(400);
        // without the CSRF token: refused
        assertThat(ana.post("/settings/themes/" + unlock.id(), Map.of("name", "x"), false).statusCode()).isEqualTo(403);
        assertThat(theme("指纹解锁失败", false)).isNotNull();
    }

    @Test
    void aViewerReadsButCannotChangeThemes() throws Exception {
        FormSession vic = signIn("vic", "vic-pw-1234");
        HttpResponse<String> page = vic.get("/settings/themes?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"settings-readonly\"").contains("analysts and admins change themes")
                .doesNotContain("action=\"/settings/themes/");
        String id = themes.list(FeedbackFilter.ALL, false).get(0).id();
        String name = themes.list(FeedbackFilter.ALL, false).get(0).name();
        assertThat(vic.post("/settings/themes/" + id, Map.of("name", "viewer-was-here")).statusCode()).isEqualTo(403);
        assertThat(themes.list(FeedbackFilter.ALL, true)).anyMatch(t -> t.id().equals(id) && t.name().equals(name));
    }
}
