package io.koubei.dashboard.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from the system packages (chromium, chromium-driver). Never lets Selenium Manager
 * download anything: the driver binary is given explicitly.
 */
final class Browser {
    static final Path CHROMIUM = Path.of(System.getProperty("koubei.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("koubei.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** A data directory made eagerly: the Spring context reads it before JUnit would inject a @TempDir in a per-class test. */
    static java.nio.file.Path tempDataDir(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("koubei-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--force-prefers-reduced-motion", "--window-size=1440,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Laptop (1366×768) and projector (1920×1080) viewports: the sizes the dashboard must work at. */
    static void viewport(ChromeDriver driver, int width, int height) {
        // the window includes no browser chrome in headless mode, so this is the page's viewport
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** The whole page, not only the viewport (Chrome DevTools full-page capture). */
    static Path fullPage(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            Number height = (Number) driver.executeScript("return Math.min(document.documentElement.scrollHeight, 6000)");
            Object data = driver.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("captureBeyondViewport", true,
                    "format", "png", "clip", java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)))
                    .get("data");
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, java.util.Base64.getDecoder().decode((String) data));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clicks something that loads a new page (a submit button, a link) and waits until the new page has loaded. */
    static void clickAndWait(ChromeDriver driver, org.openqa.selenium.WebElement element) {
        org.openqa.selenium.WebElement old = driver.findElement(org.openqa.selenium.By.tagName("html"));
        element.click();
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver,
                java.time.Duration.ofSeconds(30));
        wait.until(d -> isGone(old));
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * True once the element has left the document. Mid-navigation chromedriver sometimes reports that as an unknown
     * error ("Node with given id does not belong to the document") instead of a stale element; both mean gone.
     */
    private static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
