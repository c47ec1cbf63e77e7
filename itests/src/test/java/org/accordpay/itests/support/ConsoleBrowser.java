package org.accordpay.itests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests of the consoles share: Debian's chromium, headless, through its
 * chromedriver (never a skip when missing), waiting for Vaadin to be idle, reading elements by id,
 * and screenshots into {@code target/screenshots} (and {@code docs/screenshots} with
 * {@code -Daccord.screenshots.update=true}).
 */
public final class ConsoleBrowser {

    private ConsoleBrowser() {
    }

    /** @return a headless chromium, 1280x900, English; fails when chromium or its driver is missing */
    public static ChromeDriver start() {
        Path chromium = Path.of(System.getProperty("accord.it.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("accord.it.chromedriver", "/usr/bin/chromedriver"));
        for (Path tool : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(tool)) {
                // never a skip: CI without a browser fails
                throw new AssertionError(tool + " is missing: the browser tests need Debian's chromium and its"
                        + " driver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    /** Waits until no Vaadin client has a request in flight. */
    public static void awaitVaadinIdle(WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var f = window.Vaadin && window.Vaadin.Flow; if (!f || !f.clients) return false;"
                        + " for (var k in f.clients) { var c = f.clients[k];"
                        + " if (c.isActive && c.isActive()) return false; } return true;")));
    }

    /** @return the trimmed text of the element with this id */
    public static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    /** @return true when the element with this id is not disabled */
    public static boolean enabled(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getDomAttribute("disabled") == null;
    }

    /** @return the texts of a Vaadin grid's cells (headers included), as rendered */
    @SuppressWarnings("unchecked")
    public static List<String> gridTexts(WebDriver browser, String gridId) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("var g = document.getElementById('"
                + gridId + "'); if (!g) return [];"
                + " return Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(e => e.textContent.trim());");
    }

    /** Saves a screenshot once Vaadin is idle and its loading bar gone. */
    public static void screenshot(WebDriver browser, WebDriverWait wait, String name) throws IOException {
        awaitVaadinIdle(wait);
        // Vaadin's loading bar fades out after the last request: not in the picture
        wait.until(d -> d.findElements(By.cssSelector(".v-loading-indicator")).stream()
                .noneMatch(WebElement::isDisplayed));
        Path dir = Path.of(System.getProperty("accord.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Files.write(png, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("accord.screenshots.update")) {
            Path docs = Path.of(System.getProperty("accord.screenshots.docs", "../docs/screenshots"));
            Files.createDirectories(docs);
            Files.copy(png, docs.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A wait of {@code seconds} polling every 100 ms. */
    public static WebDriverWait waitFor(WebDriver browser, int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    }
}
