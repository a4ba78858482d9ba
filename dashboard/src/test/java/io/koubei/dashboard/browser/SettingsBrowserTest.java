package io.koubei.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.koubei.dashboard.settings.SettingsService;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings pages in real headless Chromium: an admin edits the lexicon (first with a bad weight, shown with the
 * typed text kept), the taxonomy and the alert rules, and the running analyzer and detectors use the result without a
 * restart; users are created and disabled; viewers and analysts may read but not change, and no change passes without
 * a CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsBrowserTest {
    private static final String TOKEN = "settings-test-token";
    static final java.nio.file.Path dataDir = Browser.tempDataDir("koubei-settings");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> TOKEN);
        r.add("koubei.security.users[0].name", () -> "root");
        r.add("koubei.security.users[0].password", () -> "pw-root-123");
        r.add("koubei.security.users[0].role", () -> "ADMIN");
        r.add("koubei.security.users[1].name", () -> "ana");
        r.add("koubei.security.users[1].password", () -> "pw-ana-1234");
        r.add("koubei.security.users[1].role", () -> "ANALYST");
        r.add("koubei.security.users[2].name", () -> "vic");
        r.add("koubei.security.users[2].password", () -> "pw-vic-1234");
        r.add("koubei.security.users[2].role", () -> "VIEWER");
        r.add("koubei.signals.cron", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    SettingsService settings;
    ChromeDriver driver;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        post(List.of("这个手机拍照很清晰", "客服态度太差了", "续航还行"));
        driver = Browser.start();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("root");
        driver.findElement(By.id("password")).sendKeys("pw-root-123");
        Browser.clickAndWait(driver, driver.findElement(By.id("login-submit")));
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private int seq;

    /** Posts texts as social items; returns their ids. */
    private List<String> post(List<String> texts) throws Exception {
        StringBuilder body = new StringBuilder();
        List<String> ids = new java.util.ArrayList<>();
        for (String t : texts) {
            String ext = "s" + (seq++);
            ids.add("weibo:" + ext);
            body.append(JSON.writeValueAsString(Map.of("source", "weibo", "channel", "social", "externalId", ext,
                    "createdAt", "2026-11-04T10:00:00+08:00", "text", t))).append('\n');
        }
        HttpResponse<String> r = http(HttpRequest.newBuilder(URI.create(url("/api/v1/feedback")))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), HttpClient.newHttpClient());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ids;
    }

    private JsonNode item(String id) throws Exception {
        HttpResponse<String> r = http(HttpRequest.newBuilder(URI.create(url("/api/v1/feedback/" + id)))
                .header("Authorization", "Bearer " + TOKEN), HttpClient.newHttpClient());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> http(HttpRequest.Builder b, HttpClient client) throws Exception {
        return client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void replace(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    @Test
    @Order(1)
    void aBadWeightIsExplainedAndTheTypedTextKeptThenTheFixedLexiconIsUsedForNewItems() throws Exception {
        String before = post(List.of("这个手机呱唧呱")).get(0);
        assertThat(item(before).get("polarity").asString()).isEqualTo("neutral");
        driver.get(url("/settings/lexicon"));
        replace(driver.findElement(By.id("lexicon-text")), "给力 1.5\n呱唧呱 9");
        Browser.clickAndWait(driver, driver.findElement(By.id("save-lexicon")));
        assertThat(driver.findElement(By.id("settings-problems")).getText()).contains("第 2 行").contains("权重“9”");
        assertThat(driver.findElement(By.id("lexicon-text")).getAttribute("value")).isEqualTo("给力 1.5\n呱唧呱 9");
        Browser.screenshot(driver, "settings-01-lexicon-error");

        replace(driver.findElement(By.id("lexicon-text")), "给力 1.5\n呱唧呱 -2.5");
        Browser.clickAndWait(driver, driver.findElement(By.id("save-lexicon")));
        assertThat(driver.findElement(By.id("settings-notice")).getText()).contains("已保存");
        assertThat(driver.findElement(By.id("lexicon-entries")).getText()).contains("呱唧呱").contains("-2.5");
        assertThat(driver.findElement(By.id("reanalysis")).getText()).contains("已有反馈保留原来的分析");

        // no restart: the next item is analysed with the new weight; the stored one keeps its analysis
        String after = post(List.of("这个手机呱唧呱")).get(0);
        JsonNode a = item(after);
        assertThat(a.get("polarity").asString()).isEqualTo("negative");
        assertThat(a.get("explanation").toString()).contains("呱唧呱");
        assertThat(item(before).get("polarity").asString()).isEqualTo("neutral");

        // re-analysis brings the stored item up to date, keeping what the detectors wrote
        Browser.clickAndWait(driver, driver.findElement(By.id("start-reanalysis")));
        assertThat(driver.findElement(By.id("settings-notice")).getText()).contains("重新分析");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                return item(before).get("polarity").asString().equals("negative");
            } catch (Exception e) {
                return false;
            }
        });
        driver.get(url("/item/" + before));
        assertThat(driver.findElement(By.id("explanation")).getText()).contains("呱唧呱");
    }

    @Test
    @Order(2)
    void aNewAspectShowsInTheFilterBarAndInNewItems() throws Exception {
        driver.get(url("/settings/taxonomy"));
        List<WebElement> ids = driver.findElements(By.cssSelector("#taxonomy-form input[name=id]"));
        int blank = 0;
        while (!ids.get(blank).getAttribute("value").isEmpty()) {
            blank++;
        }
        ids.get(blank).sendKeys("nfc");
        driver.findElements(By.cssSelector("#taxonomy-form input[name=name]")).get(blank).sendKeys("NFC 刷卡");
        driver.findElements(By.cssSelector("#taxonomy-form input[name=terms]")).get(blank).sendKeys("nfc,刷卡,门禁卡");
        // a term already used by another aspect is an error that names both
        driver.findElements(By.cssSelector("#taxonomy-form input[name=terms]")).get(blank + 1).sendKeys("电池");
        driver.findElements(By.cssSelector("#taxonomy-form input[name=id]")).get(blank + 1).sendKeys("power");
        driver.findElements(By.cssSelector("#taxonomy-form input[name=name]")).get(blank + 1).sendKeys("电源");
        Browser.clickAndWait(driver, driver.findElement(By.id("save-taxonomy")));
        assertThat(driver.findElement(By.id("settings-problems")).getText()).contains("电池").contains("battery");
        driver.findElements(By.cssSelector("#taxonomy-form input[name=id]")).get(blank + 1).clear();
        driver.findElements(By.cssSelector("#taxonomy-form input[name=name]")).get(blank + 1).clear();
        driver.findElements(By.cssSelector("#taxonomy-form input[name=terms]")).get(blank + 1).clear();
        Browser.clickAndWait(driver, driver.findElement(By.id("save-taxonomy")));
        assertThat(driver.findElement(By.id("settings-notice")).getText()).contains("已保存");
        assertThat(dataDir.resolve("analysis/aspects.tsv")).content().contains("nfc\tNFC 刷卡\tnfc,刷卡,门禁卡");

        String id = post(List.of("门禁卡刷卡太慢了，很失望")).get(0);
        assertThat(item(id).get("opinions").toString()).contains("\"aspect\":\"nfc\"");
        driver.get(url("/"));
        assertThat(driver.findElements(By.cssSelector("#f-aspect option[value=nfc]"))).hasSize(1);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-aspect"))).selectByValue("nfc");
        Browser.clickAndWait(driver, driver.findElement(By.id("filter-apply")));
        assertThat(driver.getCurrentUrl()).contains("aspect=nfc");
        assertThat(driver.findElement(By.id("kpi-total")).getText()).isEqualTo("1");
    }

    @Test
    @Order(3)
    void alertRulesAreValidatedAndReachTheDetectors() {
        driver.get(url("/settings/alerts"));
        replace(driver.findElement(By.id("mutedAspects")), "batery");
        replace(driver.findElement(By.id("quietFrom")), "23:00");
        replace(driver.findElement(By.id("quietTo")), "");
        replace(driver.findElement(By.id("spikeMinCount")), "x");
        Browser.clickAndWait(driver, driver.findElement(By.id("save-alerts")));
        String problems = driver.findElement(By.id("settings-problems")).getText();
        assertThat(problems).contains("未知的方面 ID“batery”").contains("同时填写").contains("spikeMinCount");
        assertThat(driver.findElement(By.id("mutedAspects")).getAttribute("value")).isEqualTo("batery");
        replace(driver.findElement(By.id("mutedAspects")), "logistics");
        replace(driver.findElement(By.id("quietTo")), "08:00");
        replace(driver.findElement(By.id("spikeMinCount")), "25");
        Browser.clickAndWait(driver, driver.findElement(By.id("save-alerts")));
        assertThat(driver.findElement(By.id("settings-notice")).getText()).contains("下次检测时生效");
        assertThat(settings.alertProperties().getQuietFrom()).isEqualTo("23:00");
        assertThat(settings.alertProperties().getMutedAspects()).containsExactly("logistics");
        assertThat(settings.scanConfig(io.koubei.analysis.signals.alert.ScanConfig.defaults()).baseline().spikeMinCount())
                .isEqualTo(25);
        driver.get(url("/settings/alerts"));
        assertThat(driver.findElement(By.id("quietFrom")).getAttribute("value")).isEqualTo("23:00");
    }

    private static String basic(String user, String pw) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pw).getBytes(StandardCharsets.UTF_8));
    }

    /** A session of {@code user}: GET a settings page for its CSRF token, then POST a change with or without it. */
    private int change(String user, String pw, boolean withCsrf) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = http(HttpRequest.newBuilder(URI.create(url("/settings/products")))
                .header("Authorization", basic(user, pw)), client);
        assertThat(page.statusCode()).as("everyone signed in reads the settings").isEqualTo(200);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        String token = m.find() ? m.group(1) : "none";
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("ours", "nova-x1", "competitors", "rival-r9"));
        if (withCsrf) {
            form.put("_csrf", token);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http(HttpRequest.newBuilder(URI.create(url("/settings/products"))).header("Authorization", basic(user, pw))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), client).statusCode();
    }

    @Test
    @Order(4)
    void onlyAdminsChangeSettingsAndOnlyWithACsrfToken() throws Exception {
        assertThat(change("vic", "pw-vic-1234", true)).isEqualTo(403);
        assertThat(change("ana", "pw-ana-1234", true)).isEqualTo(403);
        assertThat(change("root", "pw-root-123", false)).isEqualTo(403);
        assertThat(settings.productsCustomised()).isFalse();
        assertThat(change("root", "pw-root-123", true)).isEqualTo(302);
        assertThat(settings.products().competitors()).containsExactly("rival-r9");
        HttpResponse<String> viewerPage = http(HttpRequest.newBuilder(URI.create(url("/settings/alerts")))
                .header("Authorization", basic("vic", "pw-vic-1234")), HttpClient.newHttpClient());
        assertThat(viewerPage.body()).contains("只读").doesNotContain("id=\"save-alerts\"");
    }

    @Test
    @Order(5)
    void adminsCreateAndDisableUsers() throws Exception {
        driver.get(url("/settings/users"));
        driver.findElement(By.id("new-user")).sendKeys("wang");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("new-role"))).selectByValue("ANALYST");
        Browser.clickAndWait(driver, driver.findElement(By.id("create-user-submit")));
        String password = driver.findElement(By.id("new-password")).getText().replaceAll(".*：(\\S+)（.*", "$1");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        HttpClient client = HttpClient.newHttpClient();
        assertThat(http(HttpRequest.newBuilder(URI.create(url("/api/v1/count"))).header("Authorization", basic("wang", password)),
                client).statusCode()).isEqualTo(200);
        Browser.screenshot(driver, "settings-02-users");
        Browser.clickAndWait(driver, driver.findElement(By.cssSelector("tr[data-user=wang] form[action$='/enabled'] button")));
        assertThat(driver.findElement(By.cssSelector("tr[data-user=wang]")).getText()).contains("已停用");
        assertThat(http(HttpRequest.newBuilder(URI.create(url("/api/v1/count"))).header("Authorization", basic("wang", password)),
                client).statusCode()).isEqualTo(401);
        // an admin cannot lock themselves out, and configured users are read-only
        assertThat(driver.findElements(By.cssSelector("tr[data-user=root] form"))).isEmpty();
    }

    @Test
    @Order(6)
    void settingsPagesAtLaptopAndProjectorSizesInBothLanguages() {
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            Browser.viewport(driver, size[0], size[1]);
            for (String s : List.of("taxonomy", "alerts", "channels")) {
                driver.get(url("/settings/" + s));
                Number overflow = (Number) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue()).as(s + " at " + size[0]).isLessThanOrEqualTo(1);
                Browser.fullPage(driver, "settings-" + s + "-" + size[0]);
            }
        }
        driver.get(url("/settings/alerts?lang=en"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Alert rules").contains("Quiet hours from")
                .doesNotContain("??");
        driver.get(url("/settings/users?lang=en"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Create user").doesNotContain("??");
        driver.get(url("/?lang=zh"));
        Browser.viewport(driver, 1440, 1000);
    }
}
