package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.accordpay.itests.support.AccordProcess;
import org.accordpay.itests.support.ConsoleBrowser;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer console in a real browser (Debian's chromium, headless, through its chromedriver)
 * against the distribution running as a separate process on its embedded defaults with demo data:
 * sign-in, purchases by month, sign-out, lock-out, isolation between customers, sessions, and the
 * console bundle updated in place. One distribution start and one browser for the whole class.
 *
 * <p>Screenshots of the main views go to {@code target/screenshots}; with
 * {@code -Daccord.screenshots.update=true} they are also copied to {@code docs/screenshots}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ConsoleBrowserIT {

    private static final String DEMO_PHONE = "+33612345678";
    private static final String DEMO_PASSWORD = "demo-password";
    private static final String B_PHONE = "+33698765432";
    private static final String B_PASSWORD = "lou-bernard-2026";
    private static final String B_IBAN = "FR7630004000031234567890143";
    /** Texts of console-ui's LoginView, the user's view of the rules. */
    private static final String NOT_RECOGNISED = "We could not sign you in with these details. Check them and try again.";
    private static final String PAUSED = "Too many failed attempts. For your security, signing in with these details"
            + " is paused; try again in 15 minutes.";
    /** Months are cut in the console's default zone. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private static AccordProcess accord;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String base;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    /** The demo customer's purchases: approved, and declined by the handset. */
    private static final String A_PAID_ORDER = "A-MUG-" + RUN;
    private static final String A_DECLINED_ORDER = "A-TEAPOT-" + RUN;
    private static final String B_ORDER = "B-PEN-" + RUN;
    private static String aPaidId;
    private static String aDeclinedId;
    private static String aCustomerId;
    private static String bReference;

    @BeforeClass
    public static void startAccordAndBrowser() throws Exception {
        long t0 = System.nanoTime();
        // the browser first: a machine without it fails here, before anything else is spent
        browser = startBrowser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
        accord = AccordProcess.unpack("console-browser");
        accord.start();
        Duration ready = accord.awaitReady(Duration.ofSeconds(120));
        base = "http://127.0.0.1:" + accord.consolePort() + "/";
        System.out.println("accord: READY in " + ready.toMillis() + " ms");

        String demo = awaitShell("accord:customer-show --country FR " + DEMO_PHONE, "status     : ACTIVE");
        aCustomerId = field(demo, "customer");
        aPaidId = purchase("", DEMO_PHONE, A_PAID_ORDER, "\"Blue mug:12.50:2\"");
        awaitState(aPaidId, "IN_ESCROW");
        aDeclinedId = purchase("accord:handset-policy " + DEMO_PHONE + " decline\n", DEMO_PHONE, A_DECLINED_ORDER,
                "\"Teapot:30.00:1\"");
        awaitState(aDeclinedId, "DECLINED");

        // a second customer, enrolled through the real flow with a simulated handset (options
        // before arguments: Karaf's parser takes no option after the first argument)
        String ticket = shell("accord:handset-policy " + DEMO_PHONE + " approve\n"
                + "accord:bank-open " + B_IBAN + " \"Lou Bernard\" EUR 50000\n"
                + "accord:handset-create " + B_PHONE + " 730291\n"
                + "accord:customer-enrol-start --name \"Lou Bernard\" --street \"3 rue Haute\" --postal-code 69001"
                + " --city Lyon --password " + B_PASSWORD + " --accept-mandate " + B_PHONE + " FR " + B_IBAN
                + " \"Lou Bernard\"");
        String enrolment = field(ticket, "enrolment");
        shell("accord:handset-enrol " + enrolment);
        bReference = field(awaitShell("accord:customer-show --country FR " + B_PHONE, "status     : ACTIVE"),
                "reference");
        String bPurchase = purchase("", B_PHONE, B_ORDER, "\"Red pen:3.00:1\"");
        awaitState(bPurchase, "IN_ESCROW");
        System.out.println("console-browser: set up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @AfterClass
    public static void stopAccordAndBrowser() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (accord != null) {
                accord.close();
            }
        }
    }

    @Before
    public void freshBrowserSession() {
        // each test starts signed out, as a new visitor
        browser.get(base + "login");
        browser.manage().deleteAllCookies();
    }

    @Test
    public void a_customerSignsInSeesTheMonthsPurchasesSwitchesMonthAndSignsOut() throws Exception {
        long t0 = System.nanoTime();
        browser.get(base);
        // not signed in: the purchases route sends to sign-in
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/login"));
        assertEquals("Accord – sign in", browser.getTitle());
        screenshot("console-signin");

        signIn(DEMO_PHONE, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        YearMonth now = YearMonth.now(ZONE);
        String thisMonth = MONTH.format(now);
        wait.until(d -> text("month-label").equals(thisMonth));
        wait.until(d -> gridTexts().contains(A_PAID_ORDER) && gridTexts().contains(A_DECLINED_ORDER));
        assertEquals("Accord – your purchases", browser.getTitle());
        assertTrue(text("signed-in-as"), text("signed-in-as").startsWith("Signed in: " + DEMO_PHONE + " · AC"));
        List<String> cells = gridTexts();
        assertTrue(cells.toString(), cells.containsAll(List.of("Date", "Merchant", "Order", "Amount", "Status")));
        assertTrue(cells.toString(), cells.containsAll(List.of("25.00 EUR", "Paid, held in escrow")));
        assertTrue(cells.toString(), cells.containsAll(List.of("30.00 EUR", "Declined")));
        // merchants by the name customers know, not Accord's id
        assertTrue(cells.toString(), cells.contains("Demo Shop"));
        assertFalse(cells.toString(), cells.stream().anyMatch(c -> c.startsWith("m-")));
        // only the approved purchase counts towards what was spent
        assertEquals("Spent in " + thisMonth + ": 25.00 EUR (net of refunds; 2 purchases)", text("month-total"));
        assertEquals(2L, gridSize());
        assertFalse("no next month after the current one", enabled("month-next"));
        screenshot("console-purchases");

        // the detail of a purchase: basket, state, total
        browser.findElement(cell(A_PAID_ORDER)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchase-detail-status")));
        assertEquals("Paid, held in escrow", text("purchase-detail-status"));
        assertEquals("25.00 EUR", text("purchase-detail-total"));
        String detail = browser.getPageSource();
        assertTrue(detail.contains("Blue mug") && detail.contains(aPaidId));
        screenshot("console-purchase-detail");
        browser.findElement(By.id("purchase-detail-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("purchase-detail-status")));

        // previous month: nothing there; next brings the current month back
        browser.findElement(By.id("month-previous")).click();
        String previous = MONTH.format(now.minusMonths(1));
        wait.until(d -> text("month-label").equals(previous));
        wait.until(d -> text("month-total").equals("Nothing spent in " + previous + "."));
        assertEquals(0L, gridSize());
        assertTrue(enabled("month-next"));
        browser.findElement(By.id("month-next")).click();
        wait.until(d -> text("month-label").equals(thisMonth));
        wait.until(d -> gridSize() == 2L);
        assertTrue(text("month-total").startsWith("Spent in " + thisMonth + ": 25.00 EUR"));

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/login"));
        System.out.println("console-browser: main path in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    public void b_anotherCustomerNeverSeesTheDemoCustomersPurchases() throws Exception {
        long t0 = System.nanoTime();
        signIn(B_PHONE, B_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        wait.until(d -> gridTexts().contains(B_ORDER));
        assertTrue(text("signed-in-as"), text("signed-in-as").startsWith("Signed in: " + B_PHONE));
        assertEquals("Spent in " + MONTH.format(YearMonth.now(ZONE)) + ": 3.00 EUR (net of refunds; 1 purchase)",
                text("month-total"));
        assertNothingOfTheDemoCustomer();
        browser.findElement(By.id("month-previous")).click();
        wait.until(d -> text("month-total").startsWith("Nothing spent in "));
        assertNothingOfTheDemoCustomer();

        // the console has two routes, "" and "login", neither takes a parameter; whatever the URL
        // carries (the other customer's id, phone, purchase ids, a month), B sees B's own purchases
        // or no page at all
        String[] tampered = {
            "?customer=" + aCustomerId,
            "?customerId=" + aCustomerId + "&phone=%2B33612345678&country=FR",
            "?purchase=" + aPaidId + "&month=2026-01",
            "purchases/" + aPaidId,
            "purchase/" + aPaidId,
            aPaidId,
            "customers/" + aCustomerId,
            "login?phone=%2B33612345678&password=" + DEMO_PASSWORD,
            "login/" + aCustomerId,
        };
        for (String path : tampered) {
            browser.get(base + path);
            wait.until(d -> present("purchases-view") || pageText().contains("Could not navigate"));
            awaitVaadinIdle();
            if (present("purchases-view")) {
                wait.until(d -> gridTexts().contains(B_ORDER));
                assertTrue(path, text("signed-in-as").startsWith("Signed in: " + B_PHONE));
            }
            assertNothingOfTheDemoCustomer();
        }
        // the not-found page of production mode does not list the routes
        browser.get(base + "purchases/" + aPaidId);
        wait.until(d -> pageText().contains("Could not navigate"));
        assertFalse(pageText(), pageText().contains("Available routes"));
        System.out.println("console-browser: isolation in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    public void c_afterSignOutThePurchasesRouteSendsToSignInAndTheOldSessionIsWorthless() throws Exception {
        browser.get(base + "login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        Cookie before = sessionCookie();
        signIn(DEMO_PHONE, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        wait.until(d -> gridTexts().contains(A_PAID_ORDER));
        Cookie signedIn = sessionCookie();
        assertTrue("session cookie is HttpOnly", signedIn.isHttpOnly());
        assertEquals("Strict", signedIn.getSameSite());
        assertNotNull("the sign-in page opened a session", before);
        assertNotEquals("a new session id at sign-in (no fixation)", before.getValue(), signedIn.getValue());

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/login"));
        assertFalse(present("purchases-view"));

        // the browser's back button does not bring the purchases back
        browser.navigate().back();
        wait.until(d -> present("login-view") || present("purchases-view"));
        awaitVaadinIdle();
        assertFalse("purchases shown after sign-out and Back", browser.getPageSource().contains(A_PAID_ORDER));

        // replaying the signed-out session's cookie opens nothing
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie.Builder(signedIn.getName(), signedIn.getValue()).path("/").build());
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        assertFalse(browser.getPageSource().contains(A_PAID_ORDER));
    }

    @Test
    public void d_wrongPasswordFiveTimesPausesSignInEvenWithTheRightPassword() throws Exception {
        // an unknown number gets the same words as a wrong password
        signIn("+33600000001", "whatever-password");
        awaitSignInAnswer();
        assertEquals(NOT_RECOGNISED, text("login-error"));

        for (int attempt = 1; attempt <= 4; attempt++) {
            signInAgain("wrong-password-" + attempt, attempt == 1);
            awaitSignInAnswer();
            assertEquals("attempt " + attempt, NOT_RECOGNISED, text("login-error"));
        }
        signInAgain("wrong-password-5", false);
        awaitSignInAnswer();
        assertEquals(PAUSED, text("login-error"));
        screenshot("console-locked");

        // the right password does not get through while sign-in is paused
        signInAgain(DEMO_PASSWORD, false);
        awaitSignInAnswer();
        assertEquals(PAUSED, text("login-error"));
        assertFalse(present("purchases-view"));
        // the pause is per identifier: another customer signs in
        signIn(B_PHONE, B_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
    }

    @Test
    public void e_consoleBundleUpdatedInPlaceServesAgainAndEndsOpenSessions() throws Exception {
        signIn(B_PHONE, B_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));

        String bundles = shell("bundle:list -s -t 0 --no-format");
        String id = bundles.lines().filter(l -> l.contains("org.accordpay.console-ui")).findFirst()
                .map(l -> l.trim().split("\\s+")[0]).orElseThrow(() -> new AssertionError(bundles));
        long started = consoleStarts();
        long t0 = System.nanoTime();
        String update = shell("bundle:update " + id + "\nbundle:refresh " + id);
        assertFalse(update, update.contains("Error"));
        // a new console server has started (refresh completes asynchronously)
        Instant restarted = Instant.now().plusSeconds(60);
        while (consoleStarts() <= started && Instant.now().isBefore(restarted)) {
            Thread.sleep(200);
        }
        assertTrue("no new console server within 60 s\n" + accord.logTail(), consoleStarts() > started);
        // the server answers again (polled over plain HTTP: reloading the page in the browser while
        // Vaadin bootstraps would never let a view render), then the browser shows the sign-in page
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        int status = 0;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(base + "login")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException refused) {
                status = 0;
            }
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertEquals("GET /login after the update\n" + accord.logTail(), 200, status);
        browser.get(base + "login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        System.out.println("console-browser: sign-in page answers " + (System.nanoTime() - t0) / 1_000_000
                + " ms after bundle:update + bundle:refresh");
        String state = shell("bundle:list -s -t 0 --no-format");
        assertTrue(state, state.lines().anyMatch(l -> l.contains("org.accordpay.console-ui") && l.contains("Active")));

        // the session from before the update has ended; signing in works again, here with the
        // Accord reference as printed (spaces and case do not matter)
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        awaitVaadinIdle();
        browser.findElement(By.xpath("//vaadin-radio-button[.//label[normalize-space(.)='Accord reference']]"))
                .click();
        WebElement reference = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-reference input")));
        reference.sendKeys(bReference.substring(0, 2).toLowerCase(Locale.ROOT) + " " + bReference.substring(2));
        browser.findElement(By.cssSelector("#login-password input")).sendKeys(B_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        wait.until(d -> gridTexts().contains(B_ORDER));
        assertEquals("Signed in: " + B_PHONE + " · " + bReference, text("signed-in-as"));
    }

    // ---- browser ------------------------------------------------------------------------------

    private static ChromeDriver startBrowser() {
        return ConsoleBrowser.startBrowser();
    }

    private static void signIn(String phone, String password) {
        browser.get(base + "login");
        WebElement phoneInput = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-phone input")));
        awaitVaadinIdle();
        phoneInput.clear();
        phoneInput.sendKeys(phone);
        WebElement passwordInput = browser.findElement(By.cssSelector("#login-password input"));
        passwordInput.sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    /** Another attempt on the sign-in page already shown, for the demo customer's number. */
    private static void signInAgain(String password, boolean retypePhone) {
        if (retypePhone) {
            WebElement phoneInput = browser.findElement(By.cssSelector("#login-phone input"));
            phoneInput.clear();
            phoneInput.sendKeys(DEMO_PHONE);
        }
        browser.findElement(By.cssSelector("#login-password input")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    /** Waits until the server answered a sign-in attempt: it clears the password field and shows the error. */
    private static void awaitSignInAnswer() {
        wait.until(d -> d.findElement(By.cssSelector("#login-password input")).getDomProperty("value").isEmpty()
                && d.findElement(By.id("login-error")).isDisplayed());
        awaitVaadinIdle();
    }

    /** Waits until no Vaadin client has a request in flight. */
    private static void awaitVaadinIdle() {
        ConsoleBrowser.awaitVaadinIdle(browser, wait);
    }

    private static boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    private static boolean enabled(String id) {
        return browser.findElement(By.id(id)).getDomAttribute("disabled") == null;
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private static String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** @return the texts of the purchases grid's cells (headers included), as rendered */
    @SuppressWarnings("unchecked")
    private static List<String> gridTexts() {
        return (List<String>) browser.executeScript("var g = document.getElementById('purchases-grid');"
                + " if (!g) return [];"
                + " return Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(e => e.textContent.trim());");
    }

    /** @return how many rows the grid holds */
    private static long gridSize() {
        return ((Number) browser.executeScript("return document.getElementById('purchases-grid').size;")).longValue();
    }

    private static By cell(String textContent) {
        return By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + textContent + "']");
    }

    private static Cookie sessionCookie() {
        return browser.manage().getCookieNamed("ACCORDCONSOLE");
    }

    /** @return how many times the console server has logged its start */
    private static long consoleStarts() throws IOException {
        try (var lines = Files.lines(accord.home().resolve("data/log/karaf.log"))) {
            return lines.filter(l -> l.contains("ConsoleServer") && l.contains("consoles on http://")).count();
        }
    }

    private static void assertNothingOfTheDemoCustomer() {
        String page = browser.getPageSource();
        for (String secret : List.of(A_PAID_ORDER, A_DECLINED_ORDER, "25.00 EUR", "Blue mug", "Teapot")) {
            assertFalse(secret + " shown to another customer at " + browser.getCurrentUrl(), page.contains(secret));
        }
    }

    private static void screenshot(String name) throws IOException {
        ConsoleBrowser.screenshot(browser, wait, name);
    }

    // ---- operator shell -----------------------------------------------------------------------

    private static String shell(String command) throws IOException, InterruptedException {
        return ConsoleBrowser.shell(accord, command);
    }

    /** Runs a command until its output contains {@code expected}; @return that output. */
    private static String awaitShell(String command, String expected) throws Exception {
        return ConsoleBrowser.awaitShell(accord, command, expected);
    }

    /** Runs {@code before} (shell commands ending with a new line, or nothing), then requests a purchase. */
    private static String purchase(String before, String phone, String order, String items) throws Exception {
        return ConsoleBrowser.purchase(accord, before, "Demo Shop", phone, order, items);
    }

    private static void awaitState(String purchaseId, String state) throws Exception {
        ConsoleBrowser.awaitState(accord, purchaseId, state);
    }

    /** @return the value of a "name : value" line of a shell command's output */
    private static String field(String output, String name) {
        return ConsoleBrowser.field(output, name);
    }
}
