package io.koubei.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.koubei.dashboard.thisweek.ThisWeekFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The overview opens on this week (real headless Chromium): the statement, the headline with its changes, the ranked
 * findings with sparklines and evidence links, the product event on the charts with axis titles and net sentiment in
 * %; the same in English without a Chinese generated sentence. Then overview, speed, search and the report at 390 px
 * (phone) and 1440 px: no horizontal overflow, the filter panel folded on the phone. Screenshots in target/screenshots.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThisWeekBrowserTest {
    private static final String TOKEN = "this-week-browser-token";
    static final Path dataDir = Browser.tempDataDir("koubei-thisweek-browser");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> TOKEN);
        r.add("koubei.security.users[0].name", () -> "mei");
        r.add("koubei.security.users[0].password", () -> "pw-mei-123");
        r.add("koubei.security.users[0].role", () -> "ANALYST");
        r.add("koubei.signals.our-products", () -> "nova-x1");
        r.add("koubei.signals.competitors", () -> "rival-r9");
    }

    @LocalServerPort
    int port;

    ChromeDriver driver;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @BeforeAll
    void load() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        post("/api/v1/feedback", "application/x-ndjson", String.join("\n", ThisWeekFixture.lines()));
        String ota = ThisWeekFixture.lastMonday().minusWeeks(2).plusDays(1) + "T02:00:00Z";
        post("/api/v1/events", "application/json", "[{\"id\":\"ota-2.2.1\",\"kind\":\"OTA\",\"product\":\"nova-x1\","
                + "\"version\":\"2.2.1\",\"at\":\"" + ota + "\",\"title\":\"OTA 推送\"}]");
        driver = Browser.start();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("mei");
        driver.findElement(By.id("password")).sendKeys("pw-mei-123");
        Browser.clickAndWait(driver, driver.findElement(By.id("login-submit")));
    }

    private void post(String path, String type, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void open(String path) {
        driver.get(url(path));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** The page's layout width exactly (a headless window may not shrink to a phone's width). */
    private void width(int w, int h) {
        Browser.viewport(driver, Math.max(w, 500), h);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", w, "height", h,
                "deviceScaleFactor", 1, "mobile", w < 600));
    }

    private Object js(String script) {
        return driver.executeScript(script);
    }

    @Test
    @Order(1)
    void theOverviewOpensOnThisWeekInChinese() {
        width(1440, 1000);
        open("/?lang=zh");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#chart-nps canvas")).size() > 0);
        String statement = driver.findElement(By.id("tw-statement")).getText();
        assertThat(statement).startsWith("数据截至 ").contains(ThisWeekFixture.week(0));
        // this week first: the this-week block comes before the twelve-week trends
        assertThat((Boolean) js("return document.getElementById('this-week').compareDocumentPosition("
                + "document.getElementById('chart-nps')) === Node.DOCUMENT_POSITION_FOLLOWING")).isTrue();
        assertThat(driver.findElement(By.id("tw-volume")).getText()).isEqualTo("175");
        assertThat(driver.findElement(By.id("tw-nps")).getText()).isEqualTo("15.0");
        assertThat(driver.findElement(By.id("tw-nps-last")).getText()).contains("−10.0").contains("不显著");

        List<WebElement> findings = driver.findElements(By.cssSelector("#tw-findings li.finding"));
        assertThat(findings).hasSizeBetween(1, 5);
        WebElement first = findings.get(0);
        assertThat(first.getAttribute("data-kind")).isEqualTo("aspect");
        assertThat(first.getText()).contains("「续航」").contains("显著");
        assertThat(first.findElements(By.cssSelector("svg.spark polyline"))).hasSize(1);
        assertThat(driver.findElement(By.id("tw-findings")).getText()).contains("tmall");

        // the charts: axis titles, net sentiment in percent, the OTA marked
        Map<?, ?> axes = (Map<?, ?>) js("const o = echarts.getInstanceByDom(document.getElementById('chart-sentiment')).getOption();"
                + "return {y: o.yAxis[0].name, x: o.xAxis[0].name, max: o.yAxis[0].max,"
                + " marks: o.series[0].markLine ? o.series[0].markLine.data.length : 0,"
                + " npsMarks: echarts.getInstanceByDom(document.getElementById('chart-nps')).getOption().series[2].markLine.data.length};");
        assertThat(axes.get("y")).isEqualTo("净情感（%）");
        assertThat(axes.get("x")).isEqualTo("周");
        assertThat(((Number) axes.get("max")).intValue()).isEqualTo(100);
        assertThat(((Number) axes.get("marks")).intValue()).isEqualTo(1);
        assertThat(((Number) axes.get("npsMarks")).intValue()).isEqualTo(1);
        Browser.screenshot(driver, "thisweek-01-overview-zh");

        // the evidence link lists the items behind the finding
        String link = first.findElement(By.cssSelector("a.evidence")).getAttribute("href");
        open(link.substring(link.indexOf("/search")));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("35");
        assertThat(driver.findElements(By.cssSelector("ul.items li.item")).size()).isEqualTo(20);
    }

    @Test
    @Order(2)
    void inEnglishNoGeneratedSentenceIsChinese() {
        width(1440, 1000);
        open("/?lang=en");
        String block = driver.findElement(By.id("this-week")).getText();
        assertThat(driver.findElement(By.id("tw-statement")).getText()).startsWith("Data up to ");
        for (WebElement s : driver.findElements(By.cssSelector("#tw-findings .sentence"))) {
            assertThat(s.getText()).doesNotContainPattern("\\p{IsHan}");
        }
        assertThat(driver.findElement(By.id("tw-statement")).getText()).doesNotContainPattern("\\p{IsHan}");
        assertThat(block).contains("Battery").contains("What changed");
        Browser.screenshot(driver, "thisweek-02-overview-en");
        open("/?lang=zh");
    }

    @Test
    @Order(3)
    void systemStatusIsAPageForPeople() {
        width(1440, 1000);
        open("/");
        Browser.clickAndWait(driver, driver.findElement(By.linkText("系统状态")));
        assertThat(driver.getCurrentUrl()).endsWith("/status");
        String body = driver.findElement(By.tagName("body")).getText();
        assertThat(body).contains("系统正常").contains("数据截至").doesNotContain("\"status\"");
        assertThat(driver.findElement(By.id("status-items")).getText()).isEqualTo(String.valueOf(ThisWeekFixture.lines().size()));
        Browser.screenshot(driver, "thisweek-03-status");
    }

    @Test
    @Order(4)
    void phoneAndDesktopHaveNoHorizontalOverflowAndPhoneFiltersFold() {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("speed", "/speed?week=" + ThisWeekFixture.week(0));
        pages.put("search", "/search?q=" + java.net.URLEncoder.encode("续航", StandardCharsets.UTF_8));
        pages.put("report", "/reports/weekly?week=" + ThisWeekFixture.week(0));
        for (int width : new int[] {390, 1440}) {
            width(width, width == 390 ? 844 : 1000);
            for (var p : pages.entrySet()) {
                open(p.getValue());
                Number scroll = (Number) js("return document.documentElement.scrollWidth");
                Number client = (Number) js("return document.documentElement.clientWidth");
                assertThat(scroll.intValue()).as(p.getKey() + " at " + width + " px: page wider than the screen")
                        .isLessThanOrEqualTo(client.intValue());
                List<WebElement> filter = driver.findElements(By.id("filter-bar"));
                if (!filter.isEmpty()) {
                    WebElement toggle = driver.findElement(By.id("filter-toggle"));
                    WebElement product = driver.findElement(By.id("f-product"));
                    if (width == 390) {
                        assertThat(toggle.isDisplayed()).as(p.getKey() + ": one filter button").isTrue();
                        assertThat(product.isDisplayed()).as(p.getKey() + ": filters folded").isFalse();
                        assertThat(filter.get(0).getSize().getHeight()).isLessThan(80);
                    } else {
                        assertThat(toggle.isDisplayed()).isFalse();
                        assertThat(product.isDisplayed()).isTrue();
                    }
                }
                Browser.fullPage(driver, "thisweek-" + width + "-" + p.getKey());
            }
        }
        // on the phone the button opens the filters, and speed's tables are cards labelled by their columns
        width(390, 844);
        open("/speed?week=" + ThisWeekFixture.week(0));
        driver.findElement(By.id("filter-toggle")).click();
        assertThat(driver.findElement(By.id("f-product")).isDisplayed()).isTrue();
        WebElement cell = driver.findElement(By.cssSelector("table.cards-on-phone tbody td:nth-child(2)"));
        assertThat(cell.getAttribute("data-label")).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("table.cards-on-phone thead")).get(0).isDisplayed()).isFalse();
        Browser.fullPage(driver, "thisweek-390-speed-filters-open");
        width(1440, 1000);
    }
}
