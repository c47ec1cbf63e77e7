package org.accordpay.itests.support;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A console browser test's set-up in one: the browser ({@link ConsoleBrowser}) and the distribution, waiting for Vaadin,
 * reading elements and grids, screenshots, and the operator shell of the distribution under test
 * ({@link AccordProcess}).
 */
public final class ConsoleDistribution implements AutoCloseable {

    private static final Duration SHELL = Duration.ofSeconds(60);
    /** How long a shell command is repeated until it tells what a test waits for. */
    private static final Duration AWAIT_SHELL = Duration.ofSeconds(180);
    /** How long the distribution may take to get READY: minutes on a loaded machine (seen: over 3 on 2 busy cores). */
    private static final Duration READY = Duration.ofSeconds(Long.getLong("accord.it.ready.seconds", 360));
    private static final Pattern PURCHASE_ID = Pattern.compile("(pur_\\S+)");

    private final ConsoleBrowser ui;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final AccordProcess accord;

    private ConsoleDistribution(ConsoleBrowser ui, AccordProcess accord) {
        this.ui = ui;
        this.driver = ui.driver();
        // a view that redraws itself replaces elements between finding and reading them: look again
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100));
        this.wait.ignoring(StaleElementReferenceException.class);
        this.accord = accord;
    }

    /**
     * Starts the browser first (a machine without it fails here, before anything else is spent),
     * then unpacks and starts the distribution and waits until it is READY.
     *
     * @param name the distribution's folder under target
     */
    public static ConsoleDistribution start(String name) throws IOException, InterruptedException {
        ConsoleBrowser ui = ConsoleBrowser.start();
        AccordProcess accord = null;
        try {
            accord = AccordProcess.unpack(name);
            accord.start();
            Duration ready = accord.awaitReady(READY);
            System.out.println("accord: READY in " + ready.toMillis() + " ms");
            return new ConsoleDistribution(ui, accord);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            // nothing left running when the start fails
            ui.close();
            if (accord != null) {
                accord.close();
            }
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public AccordProcess accord() {
        return accord;
    }

    /** @return the consoles' base URL, ending with a slash */
    public String base() {
        return accord.consoleBase();
    }

    // ---- page ---------------------------------------------------------------------------------

    /** Waits until no Vaadin client has a request in flight. */
    public void awaitVaadinIdle() {
        ui.awaitVaadinIdle();
    }

    public boolean present(String id) {
        return ui.present(id);
    }

    public String text(String id) {
        return ui.text(id);
    }

    public String pageText() {
        return ui.pageText();
    }

    /**
     * Types into the input of a Vaadin field, replacing what it held, as a person does (select all,
     * delete, type): WebDriver's clear() leaves the field's server-side value as it was.
     */
    public void type(String fieldId, String value) {
        WebElement input = driver.findElement(By.cssSelector("#" + fieldId + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!value.isEmpty()) {
            input.sendKeys(value);
        }
    }

    /** @return the texts of a grid's cells (headers included), as rendered */
    public List<String> gridTexts(String gridId) {
        return ui.gridTexts(gridId);
    }

    /** @return how many rows a grid holds (for a lazy grid: the count its data provider answered) */
    public long gridSize(String gridId) {
        return ((Number) driver.executeScript("return document.getElementById(arguments[0]).size;", gridId))
                .longValue();
    }

    /** @return a grid cell with exactly this text */
    public static By cell(String textContent) {
        return By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + textContent + "']");
    }

    /** Saves a screenshot (see {@link ConsoleBrowser#screenshot(String)}). */
    public void screenshot(String name) throws IOException {
        ui.screenshot(name);
    }

    // ---- operator shell -----------------------------------------------------------------------

    /** Runs shell commands; fails on an error or an unknown command. */
    public static String shell(AccordProcess accord, String command) throws IOException, InterruptedException {
        String out = accord.shell(command, SHELL);
        if (out.contains("Error executing command") || out.contains("Command not found")) {
            throw new AssertionError(command + ":\n" + out);
        }
        return out;
    }

    public String shell(String command) throws IOException, InterruptedException {
        return shell(accord, command);
    }

    /** Runs a command until its output contains {@code expected}; @return that output. */
    public static String awaitShell(AccordProcess accord, String command, String expected) throws Exception {
        Instant deadline = Instant.now().plus(AWAIT_SHELL);
        String out = "";
        while (Instant.now().isBefore(deadline)) {
            out = accord.shell(command, SHELL);
            if (out.contains(expected)) {
                return out;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + expected + "' from " + command + " within " + AWAIT_SHELL.toSeconds()
                + " s:\n" + out + "\n" + accord.logTail());
    }

    public String awaitShell(String command, String expected) throws Exception {
        return awaitShell(accord, command, expected);
    }

    /**
     * Runs {@code before} (shell commands ending with a new line, or nothing), then requests a purchase.
     *
     * @return the purchase id
     */
    public static String purchase(AccordProcess accord, String before, String merchant, String phone, String order,
            String items) throws Exception {
        String out = shell(accord, before + "accord:purchase-request --merchant \"" + merchant + "\" --phone " + phone
                + " --country FR --order " + order + " " + items);
        Matcher m = PURCHASE_ID.matcher(out);
        assertTrue(out, m.find());
        return m.group(1);
    }

    /** Waits until {@code accord:purchase-show} tells the state. */
    public static void awaitState(AccordProcess accord, String purchaseId, String state) throws Exception {
        awaitShell(accord, "accord:purchase-show " + purchaseId, state);
    }

    /** @return the value of a "name : value" line of a shell command's output */
    public static String field(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s*:\\s*(\\S+)").matcher(output);
        assertTrue(name + " in\n" + output, m.find());
        String value = m.group(1);
        assertNotNull(value);
        return value;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            driver.quit();
        } finally {
            accord.close();
        }
    }
}
