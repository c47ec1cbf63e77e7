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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, through its chromedriver, for the consoles' browser tests: the browser, a
 * wait, what a person would read on the page, and screenshots. The consoles' self-signed certificate is
 * accepted (the tests check TLS and the cookie flags themselves).
 *
 * <p>Screenshots go to {@code target/screenshots}; with {@code -Daccord.screenshots.update=true} they are
 * also copied to {@code docs/screenshots}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    /** Starts the browser; fails (never skips) when chromium or its driver is missing. */
    public static ConsoleBrowser start() {
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
                "--lang=en-GB", "--ignore-certificate-errors");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return new ConsoleBrowser(driver);
    }

    /** @return the browser */
    public ChromeDriver driver() {
        return driver;
    }

    /** @return a wait of 30 s, polling every 100 ms */
    public WebDriverWait await() {
        return wait;
    }

    /** Waits until no Vaadin client has a request in flight. */
    public void awaitVaadinIdle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var f = window.Vaadin && window.Vaadin.Flow; if (!f || !f.clients) return false;"
                        + " for (var k in f.clients) { var c = f.clients[k];"
                        + " if (c.isActive && c.isActive()) return false; } return true;")));
    }

    /** @return true when an element with this id is on the page */
    public boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** @return the trimmed text of the element with this id */
    public String text(String id) {
        return driver.findElement(By.id(id)).getText().trim();
    }

    /** @return true when the element with this id is not disabled */
    public boolean enabled(String id) {
        return driver.findElement(By.id(id)).getDomAttribute("disabled") == null;
    }

    /** @return the texts of a Vaadin grid's cells (headers included), as rendered */
    @SuppressWarnings("unchecked")
    public List<String> gridTexts(String gridId) {
        return (List<String>) driver.executeScript("var g = document.getElementById('" + gridId + "');"
                + " if (!g) return [];"
                + " return Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(e => e.textContent.trim());");
    }

    /** @return the page's text as shown */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves a screenshot of the page once Vaadin is idle and its loading bar gone. */
    public void screenshot(String name) throws IOException {
        awaitVaadinIdle();
        // Vaadin's loading bar fades out after the last request: not in the picture
        wait.until(d -> d.findElements(By.cssSelector(".v-loading-indicator")).stream()
                .noneMatch(WebElement::isDisplayed));
        Path dir = Path.of(System.getProperty("accord.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("accord.screenshots.update")) {
            Path docs = Path.of(System.getProperty("accord.screenshots.docs", "../docs/screenshots"));
            Files.createDirectories(docs);
            Files.copy(png, docs.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
