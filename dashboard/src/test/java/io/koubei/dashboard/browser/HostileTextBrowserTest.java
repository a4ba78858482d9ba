package io.koubei.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.settings.ChannelSettings;
import io.koubei.dashboard.settings.ProductSettings;
import io.koubei.dashboard.settings.SettingsService;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile feedback imported through the API, then every page opened in real headless Chromium: scripts in the text,
 * title, author name, product and tags, {@code onerror=} attributes, {@code javascript:} URLs, a 50 KB post, and odd
 * Unicode (RTL override, zero-width joiners, stacked combining marks, emoji ZWJ sequences, full-width forms). Each page
 * must run none of it (a global flag the payloads would set stays unset, no dialog opens, no element carries an
 * event-handler attribute or a javascript: link), show it as text, keep long posts short in lists with a way to
 * expand, and not overflow the window sideways. The CSV export must not carry spreadsheet formulas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTextBrowserTest {
    private static final String TOKEN = "hostile-test-token";
    private static final String WEEK = "2026-W45";
    private static final String PWN = "window.__pwned=1";
    private static final String SCRIPT = "<script>" + PWN + ";alert(1)</script>";
    private static final String IMG = "<img src=x onerror=\"" + PWN + ";alert(2)\">";
    private static final String SVG = "<svg onload=" + PWN + ">";
    private static final String RTL = "\u202Egnp.exe\u202C";
    private static final String ZWJ = "续\u200D航\u200B\u2060";
    private static final String ZALGO = "差" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308".repeat(12);
    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    private static final String FULL_WIDTH = "＜ｓｃｒｉｐｔ＞ａｌｅｒｔ（１）＜／ｓｃｒｉｐｔ＞";
    static final Path dataDir = Browser.tempDataDir("koubei-hostile");
    static final JsonMapper JSON = JsonMapper.builder().build();


    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> TOKEN);
        r.add("koubei.security.users[0].name", () -> "root");
        r.add("koubei.security.users[0].password", () -> "pw-root-123");
        r.add("koubei.security.users[0].role", () -> "ADMIN");
        r.add("koubei.signals.cron", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    AlertService alerts;
    @Autowired
    SettingsService settings;

    ChromeDriver driver;
    final List<String> hostileIds = new ArrayList<>();
    String longId;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @BeforeAll
    void importHostileFeedback() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        List<Map<String, Object>> lines = new ArrayList<>();
        Random random = new Random(5);
        LocalDate monday = LocalDate.of(2026, 10, 12);
        String[] texts = {"拍照很清晰，非常满意", "客服态度太差了，等了三天", "续航一般般", "屏幕很漂亮"};
        for (int i = 0; i < 160; i++) {
            boolean survey = i % 2 == 0;
            Map<String, Object> m = new java.util.LinkedHashMap<>(Map.of("source", survey ? "nps-q4" : "weibo",
                    "channel", survey ? "survey" : "social", "externalId", "n" + i, "product", "nova-x1",
                    "createdAt", monday.plusDays(random.nextInt(28)) + "T10:00:00+08:00", "text", texts[i % texts.length],
                    "author", Map.of("id", "u" + (i % 40), "name", "用户" + (i % 40))));
            if (survey) {
                m.put("rating", Map.of("scale", "nps", "value", random.nextInt(11)));
            }
            lines.add(m);
        }
        String day = "2026-11-04T1";
        lines.add(hostile("h-text", "social", day + "0:00:00+08:00", "客服 " + SCRIPT + " " + IMG + " " + SVG
                + " 电话13912345678 javascript:alert(3) " + RTL + " 之后的文字 " + ZWJ + " " + ZALGO + " " + FAMILY + " "
                + FULL_WIDTH, Map.of("title", "<script>" + PWN + "</script>标题", "url", "javascript:" + PWN,
                        "author", Map.of("id", "evil<script>", "name", IMG + "作者"),
                        "product", "<script>" + PWN + "</script>", "tags", List.of(SCRIPT, "\u202Etag"))));
        lines.add(hostile("h-survey", "survey", day + "1:00:00+08:00", "客服 " + IMG + " 推荐",
                Map.of("product", IMG, "rating", Map.of("scale", "nps", "value", 2),
                        "url", "JaVaScRiPt:" + PWN, "author", Map.of("id", "s1", "name", SCRIPT))));
        lines.add(hostile("h-formula", "review", day + "2:00:00+08:00", "=HYPERLINK(\"http://evil.example\",\"点我\") 客服",
                Map.of("product", "+cmd|' /C calc'!A0", "author", Map.of("id", "@evil", "name", "-2+3"))));
        StringBuilder longText = new StringBuilder("客服 长文开头。");
        while (longText.toString().getBytes(StandardCharsets.UTF_8).length < 50_000) {
            longText.append("这是一段很长很长的用户反馈，续航和屏幕都有问题。");
        }
        longText.append(SCRIPT).append("长文结尾");
        lines.add(hostile("h-long", "community", day + "3:00:00+08:00", longText.toString(),
                Map.of("title", "超长帖子" + "很长".repeat(200))));
        lines.add(hostile("h-reply", "community", day + "4:00:00+08:00", "官方回复 " + SCRIPT,
                Map.of("replyTo", "xinghe:h-long", "author", Map.of("id", "official1", "name", IMG, "official", true))));
        post(lines);
        hostileIds.addAll(List.of("weibo:h-text", "nps-q4:h-survey", "jd:h-formula", "xinghe:h-long", "xinghe:h-reply"));
        longId = "xinghe:h-long";

        // hostile text in an alert and in the settings (product roster, source names)
        alerts.receive(List.of(Signal.builder(SignalType.SPIKE).severity(Severity.CRITICAL).week(WEEK)
                .channel(Channel.SOCIAL).aspect("service").product(IMG).subject(SCRIPT)
                .title("突增 " + SCRIPT).description("描述 " + IMG + RTL)
                .evidence(Evidence.builder().figure("count", 12).drillDown("product", "<script>" + PWN + "</script>").build())
                .build()));
        settings.saveProducts(new ProductSettings(Set.of("nova-x1", "<b onmouseover=" + PWN + ">x</b>"), Set.of(IMG)));
        settings.saveChannels(new ChannelSettings(Map.of("social", "pr"),
                List.of(new ChannelSettings.Source("weibo", "<img src=x onerror=" + PWN + ">", "social"))));
        driver = Browser.start();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("root");
        driver.findElement(By.id("password")).sendKeys("pw-root-123");
        Browser.clickAndWait(driver, driver.findElement(By.id("login-submit")));
    }

    private static Map<String, Object> hostile(String ext, String channel, String createdAt, String text,
            Map<String, Object> more) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("source", switch (channel) {
            case "survey" -> "nps-q4";
            case "review" -> "jd";
            case "community" -> "xinghe";
            default -> "weibo";
        });
        m.put("channel", channel);
        m.put("externalId", ext);
        m.put("createdAt", createdAt);
        m.put("text", text);
        m.putAll(more);
        return m;
    }

    private void post(List<Map<String, Object>> lines) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map<String, Object> l : lines) {
            body.append(JSON.writeValueAsString(l)).append('\n');
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/feedback")))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Opens a page and checks that nothing hostile ran or became markup, and that the layout holds. */
    private String visit(String path, String screenshot) {
        driver.get(url(path));
        assertNoAlert(path);
        assertThat(driver.getCurrentUrl()).as(path).doesNotContain("/login");
        Object flag = driver.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)");
        assertThat(flag).as("a payload ran on " + path).isNull();
        Number handlers = (Number) driver.executeScript(
                "let n = 0; for (const e of document.querySelectorAll('*')) for (const a of e.attributes)"
                        + " if (a.name.startsWith('on')) n++; return n;");
        assertThat(handlers.intValue()).as("event-handler attributes on " + path).isZero();
        Number jsLinks = (Number) driver.executeScript("return [...document.querySelectorAll('[href],[src],[action]')]"
                + ".filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')).length");
        assertThat(jsLinks.intValue()).as("javascript: links on " + path).isZero();
        assertThat(driver.findElements(By.cssSelector("main img, main svg[onload], main script"))).as(path).isEmpty();
        Number overflow = (Number) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("horizontal overflow on " + path).isLessThanOrEqualTo(1);
        String source = driver.getPageSource();
        assertThat(source).as(path).doesNotContain("13912345678");
        if (screenshot != null) {
            Browser.screenshot(driver, screenshot);
        }
        return driver.findElement(By.tagName("body")).getText();
    }

    private void assertNoAlert(String path) {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("an alert dialog opened on " + path + ": " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    void everyPageShowsHostileTextAsTextAndRunsNothing() throws Exception {
        String overview = visit("/", "hostile-01-overview");
        assertThat(overview).contains("<script>");

        String search = visit("/search?q=" + URLEncoder.encode("客服", StandardCharsets.UTF_8), "hostile-02-search");
        assertThat(search).contains("<script>").contains("onerror=").contains("139****5678");
        assertThat(driver.findElements(By.cssSelector("#results mark"))).isNotEmpty();
        // user text is isolated: a right-to-left override cannot reorder the page around it
        assertThat(driver.findElement(By.cssSelector("#results .text.ugc")).getCssValue("unicode-bidi")).isEqualTo("isolate");

        // the 50 KB post: short in the list, the whole text one click away
        visit("/search?q=" + URLEncoder.encode("长文开头", StandardCharsets.UTF_8), "hostile-03-long-post-list");
        WebElement li = driver.findElement(By.cssSelector("#results li"));
        assertThat(li.findElement(By.cssSelector(".text")).getText().length()).isLessThan(400);
        WebElement more = li.findElement(By.cssSelector("details.more"));
        assertThat(more.findElement(By.cssSelector(".text")).isDisplayed()).isFalse();
        more.findElement(By.tagName("summary")).click();
        assertThat(more.findElement(By.cssSelector(".text")).getText()).hasSizeGreaterThan(16_000).contains("长文结尾");
        assertNoAlert("expanded long post");
        visit("/search?source=xinghe", null);
        assertThat(driver.findElements(By.cssSelector("#results li details.more"))).isNotEmpty();

        for (String id : hostileIds) {
            String text = visit("/item/" + id, id.equals("weibo:h-text") ? "hostile-04-item" : null);
            if (id.equals("weibo:h-text")) {
                assertThat(text).contains("<script>" + PWN + "</script>标题").contains(FAMILY).contains(FULL_WIDTH);
                assertThat(driver.findElements(By.id("item-url"))).as("javascript: URL not linked").isEmpty();
                assertThat(driver.findElement(By.id("item-author")).getText()).contains("onerror");
            }
        }
        String thread = visit("/item/" + longId, "hostile-05-thread");
        assertThat(thread).contains("官方回复 <script>");

        for (String page : List.of("/crosscheck?week=" + WEEK, "/users?week=" + WEEK, "/alerts", "/reports", "/speed",
                "/search?product=" + URLEncoder.encode(IMG, StandardCharsets.UTF_8))) {
            visit(page, null);
        }
        // the incident is titled by names (the hostile product name shown as text), not by the detector's title
        assertThat(visit("/alerts", "hostile-06-alerts")).contains("突增 · 社交媒体").contains("<img src=x").contains("严重");
        String report = visit("/reports/weekly?week=" + WEEK, "hostile-07-report");
        assertThat(report).contains("onerror=").contains("口碑周报");
        visit("/reports/weekly?week=" + WEEK + "&product=" + URLEncoder.encode(IMG, StandardCharsets.UTF_8), null);
        visit("/reports/weekly?week=" + WEEK + "&language=en", null);
        for (String s : List.of("taxonomy", "dictionaries", "lexicon", "products", "alerts", "channels", "users")) {
            String text = visit("/settings/" + s, s.equals("products") ? "hostile-08-settings" : null);
            if (s.equals("products")) {
                assertThat(text).contains("onmouseover=");
            }
        }
    }

    @Test
    void csvExportMasksAndNeutralisesFormulas() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/export.csv?q=" + URLEncoder.encode("客服", StandardCharsets.UTF_8))))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body().substring(1); // byte-order mark
        assertThat(body).doesNotContain("13912345678").contains("139****5678");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        CSVRecord formula = rows.stream().filter(x -> x.get("id").equals("jd:h-formula")).findFirst().orElseThrow();
        assertThat(formula.get("text")).startsWith("'=HYPERLINK(");
        assertThat(formula.get("product")).startsWith("'+cmd");
        assertThat(formula.get("authorId")).isEqualTo("'@evil");
        for (CSVRecord row : rows) {
            for (String cell : row.values()) {
                assertThat(cell).as("no cell starts a formula").doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
        CSVRecord script = rows.stream().filter(x -> x.get("id").equals("weibo:h-text")).findFirst().orElseThrow();
        assertThat(script.get("text")).contains(SCRIPT).contains(RTL);
    }
}
