package io.koubei.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard as a person uses it, in real headless Chromium: log in, overview, filter, drill down from a chart,
 * Chinese search with highlights, the weekly report. Screenshots go to target/screenshots.
 * Needs the Debian packages chromium, chromium-driver and fonts-wqy-zenhei (.ci/run installs them).
 */
// the context must close (and its background re-scan stop) before JUnit deletes the class's data directory;
// with its own data directory it could never be reused from the context cache anyway
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final String TOKEN = "browser-test-token";

    /** Created eagerly: the Spring context reads it before JUnit would inject a @TempDir in a per-class test. */
    static final Path dataDir = Browser.tempDataDir("koubei-browser");


    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> TOKEN);
        r.add("koubei.security.users[0].name", () -> "lin");
        r.add("koubei.security.users[0].password", () -> "pw-lin-123");
        r.add("koubei.security.users[0].role", () -> "ANALYST");
    }

    @LocalServerPort
    int port;

    ChromeDriver driver;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @BeforeAll
    void startBrowserAndLoadData() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        postFeedback();
        driver = Browser.start();
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Six weeks of survey answers and social posts, written here. */
    private void postFeedback() throws Exception {
        Random random = new Random(3);
        String[] positive = {"拍照很清晰，非常满意", "续航给力，推荐购买", "屏幕很漂亮，手感好"};
        String[] negative = {"客服态度太差了，等了三天", "手机发热严重，很失望", "信号不好，经常断网"};
        List<String> lines = new ArrayList<>();
        LocalDate monday = LocalDate.of(2026, 9, 28);
        for (int i = 0; i < 600; i++) {
            LocalDate day = monday.plusDays(random.nextInt(42));
            int score = random.nextInt(11);
            boolean survey = i % 2 == 0;
            String text = score >= 7 ? positive[random.nextInt(3)] : negative[random.nextInt(3)];
            lines.add("{\"source\":\"" + (survey ? "nps-q4" : "weibo") + "\",\"channel\":\"" + (survey ? "survey" : "social")
                    + "\",\"externalId\":\"b" + i + "\",\"product\":\"" + (i % 3 == 0 ? "rival-r9" : "nova-x1")
                    + "\",\"createdAt\":\"" + day + "T10:00:00+08:00\",\"text\":\"" + text + "\""
                    + (survey ? ",\"rating\":{\"scale\":\"nps\",\"value\":" + score + "}" : "") + "}");
        }
        lines.add("{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"xss\",\"createdAt\":\"2026-11-05T10:00:00+08:00\","
                + "\"text\":\"<img src=x onerror=alert(1)> 客服 <script>document.title='pwned'</script> 电话13912345678\"}");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/feedback")))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    @Test
    @Order(1)
    void logInAndSeeTheOverviewInChinese() {
        driver.get(url("/"));
        assertThat(driver.getCurrentUrl()).contains("/login");
        driver.findElement(By.id("username")).sendKeys("lin");
        driver.findElement(By.id("password")).sendKeys("pw-lin-123");
        driver.findElement(By.id("login-submit")).click();
        waitUpTo(15).until(d -> d.findElements(By.cssSelector("#chart-volume canvas")).size() > 0);
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("NPS 净推荐值").contains("各渠道周声量");
        assertThat(driver.findElement(By.id("kpi-total")).getText()).isEqualTo("601");
        Browser.screenshot(driver, "01-overview");
    }

    @Test
    @Order(2)
    void changingAFilterKeepsItInTheUrl() {
        new Select(driver.findElement(By.name("channel"))).selectByValue("survey");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("channel=survey"));
        assertThat(driver.findElement(By.id("kpi-total")).getText()).isEqualTo("300");
        Browser.screenshot(driver, "02-filtered");
    }

    @Test
    @Order(3)
    void clickingAChartBarDrillsDownToItsItems() {
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#chart-volume canvas")).size() > 0);
        // the browser asks for reduced motion: bars are drawn at full height at once, so the click below cannot land
        // on a bar still growing
        assertThat(driver.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-volume')).getOption().animation"))
                .isEqualTo(false);
        // Where ECharts drew the first week's bar of the first series, in page pixels.
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) driver.executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('chart-volume'));"
                        + "const opt = c.getOption(); const v = opt.series[0].data[0];"
                        + "return c.convertToPixel({seriesIndex: 0}, [0, v / 2]);");
        WebElement chart = driver.findElement(By.id("chart-volume"));
        // the twelve-week charts sit below this week's block: bring the whole chart on screen before clicking in it
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        int dx = xy.get(0).intValue() - chart.getSize().getWidth() / 2;
        int dy = xy.get(1).intValue() - chart.getSize().getHeight() / 2;
        new Actions(driver).moveToElement(chart, dx, dy).click().perform();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("/search") && d.getCurrentUrl().contains("week="));
        assertThat(driver.getCurrentUrl()).contains("channel=survey");
        String count = driver.findElement(By.id("result-count")).getText();
        assertThat(count).matches("共 \\d+ 条结果");
        assertThat(driver.findElements(By.cssSelector("#results li"))).isNotEmpty();
        Browser.screenshot(driver, "03-drilldown");
    }

    @Test
    @Order(4)
    void searchInChineseHighlightsAndRendersHostileTextAsText() {
        driver.get(url("/search?q=客服"));
        List<WebElement> marks = driver.findElements(By.cssSelector("#results mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.get(0).getText()).contains("客");
        String body = driver.findElement(By.id("results")).getText();
        assertThat(body).contains("<script>").contains("onerror=alert(1)").contains("139****5678")
                .doesNotContain("13912345678");
        assertThat(driver.getTitle()).doesNotContain("pwned");
        assertThat(driver.findElements(By.cssSelector("#results img"))).isEmpty();
        Browser.screenshot(driver, "04-search");
    }

    @Test
    @Order(5)
    void openTheWeeklyReport() {
        driver.get(url("/reports"));
        driver.findElement(By.id("preview-link")).click();
        waitUpTo(15).until(d -> d.getTitle().startsWith("口碑周报"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("NPS 净推荐值").contains("样本覆盖");
        assertThat(driver.findElements(By.cssSelector("svg"))).isNotEmpty();
        Browser.screenshot(driver, "05-weekly-report");
    }

    @Test
    @Order(6)
    void englishSwitch() {
        driver.get(url("/?lang=en"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Weekly volume by channel");
        driver.get(url("/?lang=zh"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("各渠道周声量");
    }

    @Test
    @Order(7)
    void crossCheckAndUserGroupPagesDrillDownToItems() {
        driver.get(url("/crosscheck"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#matrix-channel tr"));
        assertThat(rows.size()).isGreaterThan(1);
        assertThat(driver.findElement(By.id("matrix-channel")).getText()).contains("问卷").contains("社交媒体");
        Browser.screenshot(driver, "06-crosscheck");
        driver.findElement(By.cssSelector("#matrix-channel td a")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("/search") && d.getCurrentUrl().contains("channel="));
        assertThat(driver.findElements(By.cssSelector("#results li"))).isNotEmpty();
        driver.get(url("/users"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("核心用户意见点").contains("大众用户印象");
        Browser.screenshot(driver, "07-users");
    }

    private long apiCount(String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/count?" + query)))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        return Long.parseLong(r.body().replaceAll("\\D", ""));
    }

    @Test
    @Order(8)
    void aspectSentimentAndSourceSelectorsKeepTheViewAcrossPagesAndDrillDowns() throws Exception {
        driver.get(url("/?lang=zh"));
        new Select(driver.findElement(By.id("f-aspect"))).selectByValue("service");
        new Select(driver.findElement(By.id("f-polarity"))).selectByValue("negative");
        new Select(driver.findElement(By.id("f-source"))).selectByValue("weibo");
        Browser.clickAndWait(driver, driver.findElement(By.id("filter-apply")));
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("aspect=service"));
        assertThat(driver.getCurrentUrl()).contains("polarity=negative").contains("source=weibo");
        long expected = apiCount("aspect=service&polarity=negative&source=weibo");
        assertThat(expected).isPositive();
        assertThat(driver.findElement(By.id("kpi-total")).getText()).isEqualTo(String.valueOf(expected));
        assertThat(new Select(driver.findElement(By.id("f-aspect"))).getFirstSelectedOption().getText()).isEqualTo("客服");
        Browser.screenshot(driver, "08-new-selectors");

        // the navigation carries the view to the search page, whose result count agrees
        Browser.clickAndWait(driver, driver.findElement(By.cssSelector("header nav a[href^='/search']")));
        assertThat(driver.getCurrentUrl()).contains("aspect=service").contains("source=weibo");
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("共 " + expected + " 条结果");
        // a drill-down from an item's analysis keeps the other filters
        Browser.clickAndWait(driver, driver.findElement(By.cssSelector("#results li a.open")));
        assertThat(driver.getCurrentUrl()).contains("source=weibo");
        Browser.clickAndWait(driver, driver.findElement(By.id("back-to-search")));
        assertThat(driver.getCurrentUrl()).contains("aspect=service").contains("polarity=negative");

        // the cross-check page honours the source and sentiment, and its links say so
        Browser.clickAndWait(driver, driver.findElement(By.cssSelector("header nav a[href^='/crosscheck']")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#matrix-channel tr td:first-child a"));
        assertThat(rows).extracting(WebElement::getText).containsExactly("社交媒体");
        String link = rows.get(0).getAttribute("href");
        assertThat(link).contains("source=weibo").contains("polarity=negative").contains("aspect=service")
                .contains("excludeFlag=astroturf");
        Browser.clickAndWait(driver, rows.get(0));
        String count = driver.findElement(By.id("result-count")).getText().replaceAll("\\D", "");
        String volume = driver.getCurrentUrl();
        driver.navigate().back();
        assertThat(driver.findElement(By.cssSelector("#matrix-channel tr td:nth-child(3) a")).getText()).isEqualTo(count);

        // filters without a selector stay as removable chips, and applying the bar keeps them
        driver.get(url("/search?aspectPolarity=service:negative&nps=detractor&channel=survey"));
        assertThat(driver.findElement(By.id("filter-chips")).getText()).contains("aspectPolarity = service:negative")
                .contains("nps = detractor");
        new Select(driver.findElement(By.id("f-product"))).selectByValue("nova-x1");
        Browser.clickAndWait(driver, driver.findElement(By.id("filter-apply")));
        assertThat(driver.getCurrentUrl()).contains("aspectPolarity=service").contains("nps=detractor").contains("product=nova-x1");
        assertThat(driver.findElement(By.id("result-count")).getText())
                .isEqualTo("共 " + apiCount("aspectPolarity=service:negative&nps=detractor&channel=survey&product=nova-x1") + " 条结果");
        Browser.clickAndWait(driver, driver.findElement(By.cssSelector("#filter-chips a.chip")));
        assertThat(driver.getCurrentUrl()).doesNotContain("aspectPolarity").contains("nps=detractor");
        assertThat(volume).contains("/search");
    }

    @Test
    @Order(9)
    void mainPagesAtLaptopAndProjectorSizes() {
        String week = "2026-W42";
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("search", "/search?q=%E5%AE%A2%E6%9C%8D");
        pages.put("crosscheck", "/crosscheck?week=" + week);
        pages.put("users", "/users?week=" + week);
        pages.put("alerts", "/alerts");
        pages.put("reports", "/reports");
        pages.put("report", "/reports/weekly?week=" + week);
        pages.put("item", "/item/weibo:b1");
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            Browser.viewport(driver, size[0], size[1]);
            for (Map.Entry<String, String> p : pages.entrySet()) {
                driver.get(url(p.getValue()));
                if (p.getKey().equals("overview")) {
                    waitUpTo(10).until(d -> d.findElements(By.cssSelector("#chart-volume canvas")).size() > 0);
                }
                Number overflow = (Number) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue()).as(p.getKey() + " at " + size[0]).isLessThanOrEqualTo(1);
                Browser.fullPage(driver, "size-" + size[0] + "-" + p.getKey());
            }
        }
        Browser.viewport(driver, 1440, 1000);
    }
}
