package io.koubei.dashboard.sources;

import io.koubei.dashboard.FormSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.ingest.connect.SourceConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sources settings page over real HTTP (a signed-in browser session with its CSRF token, no MockMvc): an admin
 * adds, edits and removes sources in sources.yml; a clear-text secret is refused with a message and never written;
 * an analyst cannot change anything.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourcesSettingsHttpTest {

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
        r.add("koubei.sources.enabled", () -> "false");
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    SourcesService sources;


    private FormSession signIn(String user, String password) throws Exception {
        return FormSession.signIn(port, user, password).formsFrom("/settings/sources");
    }

    /** One row of the form per source, as a browser posts it (parallel fields). */
    private static List<Map.Entry<String, String>> rows(String[]... rows) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(Map.entry("name", r[0]));
            out.add(Map.entry("type", r[1]));
            out.add(Map.entry("schedule", r[2]));
            out.add(Map.entry("product", ""));
            out.add(Map.entry("channel", ""));
            out.add(Map.entry("settings", r[3]));
        }
        return out;
    }

    @Test
    void anAdminAddsEditsAndRemovesSourcesAndAClearSecretIsRefused() throws Exception {
        Path file = dataDir.resolve("sources.yml");
        FormSession admin = signIn("root", "root-pw-123");
        assertThat(admin.get("/settings/sources").statusCode()).isEqualTo(200);

        // a clear-text token: refused, named, never written
        HttpResponse<String> refused = admin.post("/settings/sources", rows(
                new String[] {"gh-issues", "github", "PT1H", "repo: example/nova\ntoken: ghp_realLookingSecret123"}));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("数据源 gh-issues：token 是密钥，只能写成环境变量引用（例如 ${GH_ISSUES_TOKEN}），明文不会被保存");
        assertThat(refused.body()).contains("example/nova"); // what was typed is shown again
        assertThat(file).doesNotExist();
        try (var files = Files.list(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (Exception e) {
                    return "";
                }
            })).noneMatch(text -> text.contains("ghp_realLookingSecret123"));
        }

        // as a reference: saved, and koubei serve's loader reads it
        HttpResponse<String> saved = admin.post("/settings/sources", rows(
                new String[] {"gh-issues", "github", "PT1H", "repo: example/nova\ntoken: ${KOUBEI_TEST_UNSET_GH_TOKEN}"},
                new String[] {"forum", "discourse", "PT30M", "baseUrl: https://forum.example.com"},
                new String[] {"", "", "", ""}));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(Files.readString(file)).contains("${KOUBEI_TEST_UNSET_GH_TOKEN}").contains("forum.example.com");
        String page = admin.get("/settings/sources").body();
        assertThat(page).contains("KOUBEI_TEST_UNSET_GH_TOKEN"); // the notice: not set in this process
        assertThat(sources.file()).isEqualTo(file);
        List<String> names = new ArrayList<>();
        for (var e : new SourcesEditor(file, System::getenv).entries()) {
            names.add(e.name() + "/" + e.schedule());
        }
        assertThat(names).containsExactly("gh-issues/PT1H", "forum/PT30M");

        // edit the forum's schedule, remove the GitHub source (row 0)
        List<Map.Entry<String, String>> edit = rows(
                new String[] {"gh-issues", "github", "PT1H", "repo: example/nova\ntoken: ${KOUBEI_TEST_UNSET_GH_TOKEN}"},
                new String[] {"forum", "discourse", "PT15M", "baseUrl: https://forum.example.com"});
        edit.add(Map.entry("remove", "0"));
        assertThat(admin.post("/settings/sources", edit).statusCode()).isEqualTo(302);
        List<SourceConfig> loaded = io.koubei.ingest.connect.SourcesFile.load(file, v -> "x");
        assertThat(loaded).extracting(SourceConfig::name).containsExactly("forum");
        assertThat(loaded.get(0).schedule()).hasToString("PT15M");

        // a file koubei serve could not read is not written: the loader's message is shown
        HttpResponse<String> bad = admin.post("/settings/sources", rows(new String[] {"forum", "discourse", "every hour", "baseUrl: https://forum.example.com"}));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("未保存：").contains("schedule");
        assertThat(io.koubei.ingest.connect.SourcesFile.load(file, v -> "x").get(0).schedule()).hasToString("PT15M");
    }

    @Test
    void anAnalystReadsThePageButCannotChangeIt() throws Exception {
        FormSession analyst = signIn("ana", "ana-pw-1234");
        HttpResponse<String> page = analyst.get("/settings/sources");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"save-sources\"");
        assertThat(analyst.post("/settings/sources", rows(new String[] {"x", "rss", "PT1H", "url: https://example.com/feed"}))
                .statusCode()).isEqualTo(403);
    }
}
