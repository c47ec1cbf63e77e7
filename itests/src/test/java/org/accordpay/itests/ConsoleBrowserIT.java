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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accordpay.itests.support.AccordProcess;
import org.accordpay.itests.support.ConsoleBrowser;
import org.accordpay.itests.support.SignedApi;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer console in a real browser (Debian's chromium, headless, through its chromedriver)
 * against the distribution running as a separate process on its embedded defaults with demo data:
 * sign-in, purchases by month, sign-out, lock-out, isolation between customers, sessions, and the
 * console bundle updated in place; then any period with its monthly totals, the trace of a purchase,
 * delivery confirmed and a dispute opened from the console, the CSV export, the spending plot, a
 * password change, and the idle timeout on Accord's clock (adjustable in this distribution). One
 * distribution start and one browser for the whole class.
 *
 * <p>Screenshots of the main views: see {@link ConsoleBrowser}.
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
    private static final Pattern PURCHASE_ID = Pattern.compile("(pur_\\S+)");

    private static AccordProcess accord;
    private static ConsoleBrowser ui;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String base;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    /** The demo customer's purchases: approved, and declined by the handset. */
    private static final String A_PAID_ORDER = "A-MUG-" + RUN;
    private static final String A_DECLINED_ORDER = "A-TEAPOT-" + RUN;
    private static final String B_ORDER = "B-PEN-" + RUN;
    /** Purchases of the demo customer made after the first tests: one to ship, one to dispute. */
    private static final String A_SHIPPED_ORDER = "A-LAMP-" + RUN;
    private static final String A_DISPUTED_ORDER = "A-CHAIR-" + RUN;
    private static final String A_NEW_PASSWORD = "lamp-and-chair-" + RUN.toLowerCase(Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    /** The demo customer's CSV link, to be tried from the other customer's session. */
    private static String aCsvLink;
    private static String aPaidId;
    private static String aDeclinedId;
    private static String aCustomerId;
    private static String bReference;

    @BeforeClass
    public static void startAccordAndBrowser() throws Exception {
        long t0 = System.nanoTime();
        // the browser first: a machine without it fails here, before anything else is spent
        ui = ConsoleBrowser.start();
        browser = ui.driver();
        wait = ui.await();
        accord = AccordProcess.unpack("console-browser");
        // the idle timeout is measured on Accord's clock, which this test moves forward
        accord.configure("org.accordpay.time.cfg", "adjustable", "true");
        accord.start();
        Duration ready = accord.awaitReady(Duration.ofSeconds(360));
        base = accord.consoleBase();
        System.out.println("accord: READY in " + ready.toMillis() + " ms");

        String demo = accord.awaitShell("accord:customer-show --country FR " + DEMO_PHONE, "status     : ACTIVE");
        aCustomerId = AccordProcess.field(demo, "customer");
        aPaidId = purchase("", DEMO_PHONE, A_PAID_ORDER, "\"Blue mug:12.50:2\"");
        awaitState(aPaidId, "IN_ESCROW");
        aDeclinedId = purchase("accord:handset-policy " + DEMO_PHONE + " decline\n", DEMO_PHONE, A_DECLINED_ORDER,
                "\"Teapot:30.00:1\"");
        awaitState(aDeclinedId, "DECLINED");

        // a second customer, enrolled through the real flow with a simulated handset (options
        // before arguments: Karaf's parser takes no option after the first argument)
        String ticket = accord.operator("accord:handset-policy " + DEMO_PHONE + " approve\n"
                + "accord:bank-open " + B_IBAN + " \"Lou Bernard\" EUR 50000\n"
                + "accord:handset-create " + B_PHONE + " 730291\n"
                + "accord:customer-enrol-start --name \"Lou Bernard\" --street \"3 rue Haute\" --postal-code 69001"
                + " --city Lyon --password " + B_PASSWORD + " --accept-mandate " + B_PHONE + " FR " + B_IBAN
                + " \"Lou Bernard\"");
        String enrolment = AccordProcess.field(ticket, "enrolment");
        accord.operator("accord:handset-enrol " + enrolment);
        bReference = AccordProcess.field(accord.awaitShell("accord:customer-show --country FR " + B_PHONE,
                "status     : ACTIVE"), "reference");
        String bPurchase = purchase("", B_PHONE, B_ORDER, "\"Red pen:3.00:1\"");
        awaitState(bPurchase, "IN_ESCROW");
        System.out.println("console-browser: set up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @AfterClass
    public static void stopAccordAndBrowser() throws Exception {
        try {
            if (ui != null) {
                ui.close();
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
        ui.screenshot("console-signin");

        signIn(DEMO_PHONE, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        YearMonth now = YearMonth.now(ZONE);
        String thisMonth = MONTH.format(now);
        wait.until(d -> ui.text("month-label").equals(thisMonth));
        wait.until(d -> gridTexts().contains(A_PAID_ORDER) && gridTexts().contains(A_DECLINED_ORDER));
        assertEquals("Accord – your purchases", browser.getTitle());
        assertTrue(ui.text("signed-in-as"), ui.text("signed-in-as").startsWith("Signed in: " + DEMO_PHONE + " · AC"));
        List<String> cells = gridTexts();
        assertTrue(cells.toString(), cells.containsAll(List.of("Date", "Merchant", "Order", "Amount", "Status")));
        assertTrue(cells.toString(), cells.containsAll(List.of("25.00 EUR", "Paid, held in escrow")));
        assertTrue(cells.toString(), cells.containsAll(List.of("30.00 EUR", "Declined")));
        // merchants by the name customers know, not Accord's id
        assertTrue(cells.toString(), cells.contains("Demo Shop"));
        assertFalse(cells.toString(), cells.stream().anyMatch(c -> c.startsWith("m-")));
        // only the approved purchase counts towards what was spent
        assertEquals("Spent in " + thisMonth + ": 25.00 EUR (net of refunds; 2 purchases)", ui.text("month-total"));
        assertEquals(2L, gridSize());
        assertFalse("no next month after the current one", enabled("month-next"));
        ui.screenshot("console-purchases");

        // the detail of a purchase: basket, state, total
        browser.findElement(cell(A_PAID_ORDER)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchase-detail-status")));
        assertEquals("Paid, held in escrow", ui.text("purchase-detail-status"));
        assertEquals("25.00 EUR", ui.text("purchase-detail-total"));
        String detail = browser.getPageSource();
        assertTrue(detail.contains("Blue mug") && detail.contains(aPaidId));
        ui.screenshot("console-purchase-detail");
        browser.findElement(By.id("purchase-detail-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("purchase-detail-status")));

        // previous month: nothing there; next brings the current month back
        browser.findElement(By.id("month-previous")).click();
        String previous = MONTH.format(now.minusMonths(1));
        wait.until(d -> ui.text("month-label").equals(previous));
        wait.until(d -> ui.text("month-total").equals("Nothing spent in " + previous + "."));
        assertEquals(0L, gridSize());
        assertTrue(enabled("month-next"));
        browser.findElement(By.id("month-next")).click();
        wait.until(d -> ui.text("month-label").equals(thisMonth));
        wait.until(d -> gridSize() == 2L);
        assertTrue(ui.text("month-total").startsWith("Spent in " + thisMonth + ": 25.00 EUR"));

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
        assertTrue(ui.text("signed-in-as"), ui.text("signed-in-as").startsWith("Signed in: " + B_PHONE));
        assertEquals("Spent in " + MONTH.format(YearMonth.now(ZONE)) + ": 3.00 EUR (net of refunds; 1 purchase)",
                ui.text("month-total"));
        assertNothingOfTheDemoCustomer();
        browser.findElement(By.id("month-previous")).click();
        wait.until(d -> ui.text("month-total").startsWith("Nothing spent in "));
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
            wait.until(d -> ui.present("purchases-view") || ui.pageText().contains("Could not navigate"));
            ui.awaitVaadinIdle();
            if (ui.present("purchases-view")) {
                wait.until(d -> gridTexts().contains(B_ORDER));
                assertTrue(path, ui.text("signed-in-as").startsWith("Signed in: " + B_PHONE));
            }
            assertNothingOfTheDemoCustomer();
        }
        // the not-found page of production mode does not list the routes
        browser.get(base + "purchases/" + aPaidId);
        wait.until(d -> ui.pageText().contains("Could not navigate"));
        assertFalse(ui.pageText(), ui.pageText().contains("Available routes"));
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
        assertTrue("session cookie is Secure (the consoles are served over TLS)", signedIn.isSecure());
        assertEquals("Strict", signedIn.getSameSite());
        assertNotNull("the sign-in page opened a session", before);
        assertNotEquals("a new session id at sign-in (no fixation)", before.getValue(), signedIn.getValue());

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/login"));
        assertFalse(ui.present("purchases-view"));

        // the browser's back button does not bring the purchases back
        browser.navigate().back();
        wait.until(d -> ui.present("login-view") || ui.present("purchases-view"));
        ui.awaitVaadinIdle();
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
        assertEquals(NOT_RECOGNISED, ui.text("login-error"));

        for (int attempt = 1; attempt <= 4; attempt++) {
            signInAgain("wrong-password-" + attempt, attempt == 1);
            awaitSignInAnswer();
            assertEquals("attempt " + attempt, NOT_RECOGNISED, ui.text("login-error"));
        }
        signInAgain("wrong-password-5", false);
        awaitSignInAnswer();
        assertEquals(PAUSED, ui.text("login-error"));
        ui.screenshot("console-locked");

        // the right password does not get through while sign-in is paused
        signInAgain(DEMO_PASSWORD, false);
        awaitSignInAnswer();
        assertEquals(PAUSED, ui.text("login-error"));
        assertFalse(ui.present("purchases-view"));
        // the pause is per identifier: another customer signs in
        signIn(B_PHONE, B_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
    }

    @Test
    public void e_consoleBundleUpdatedInPlaceServesAgainAndEndsOpenSessions() throws Exception {
        signIn(B_PHONE, B_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));

        String bundles = accord.operator("bundle:list -s -t 0 --no-format");
        String id = bundles.lines().filter(l -> l.contains("org.accordpay.console-ui")).findFirst()
                .map(l -> l.trim().split("\\s+")[0]).orElseThrow(() -> new AssertionError(bundles));
        long started = consoleStarts();
        long t0 = System.nanoTime();
        String update = accord.operator("bundle:update " + id + "\nbundle:refresh " + id);
        assertFalse(update, update.contains("Error"));
        // a new console server has started (refresh completes asynchronously)
        Instant restarted = Instant.now().plusSeconds(60);
        while (consoleStarts() <= started && Instant.now().isBefore(restarted)) {
            Thread.sleep(200);
        }
        assertTrue("no new console server within 60 s\n" + accord.logTail(), consoleStarts() > started);
        // the server answers again (polled over HTTPS outside the browser: reloading the page in the browser
        // while Vaadin bootstraps would never let a view render), then the browser shows the sign-in page
        HttpClient http = SignedApi.trusting(accord.home().resolve("etc/accord-console.p12"), "accord-rest");
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
        String state = accord.operator("bundle:list -s -t 0 --no-format");
        assertTrue(state, state.lines().anyMatch(l -> l.contains("org.accordpay.console-ui") && l.contains("Active")));

        // the session from before the update has ended; signing in works again, here with the
        // Accord reference as printed (spaces and case do not matter)
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        ui.awaitVaadinIdle();
        browser.findElement(By.xpath("//vaadin-radio-button[.//label[normalize-space(.)='Accord reference']]"))
                .click();
        WebElement reference = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-reference input")));
        reference.sendKeys(bReference.substring(0, 2).toLowerCase(Locale.ROOT) + " " + bReference.substring(2));
        browser.findElement(By.cssSelector("#login-password input")).sendKeys(B_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        wait.until(d -> gridTexts().contains(B_ORDER));
        assertEquals("Signed in: " + B_PHONE + " · " + bReference, ui.text("signed-in-as"));
    }

    @Test
    public void f_customerPicksAPeriodReadsTheTraceConfirmsDeliveryAndOpensADispute() throws Exception {
        long t0 = System.nanoTime();
        String shipped = purchase("", DEMO_PHONE, A_SHIPPED_ORDER, "\"Desk lamp:40.00:1\"");
        awaitState(shipped, "IN_ESCROW");
        accord.operator("accord:purchase-ship " + shipped + " loopback-courier TRK-" + RUN);
        awaitState(shipped, "SHIPPED");
        String disputed = purchase("", DEMO_PHONE, A_DISPUTED_ORDER, "\"Chair:60.00:1\"");
        awaitState(disputed, "IN_ESCROW");

        signIn(DEMO_PHONE, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        wait.until(d -> gridTexts().containsAll(List.of(A_SHIPPED_ORDER, A_DISPUTED_ORDER)));
        YearMonth now = YearMonth.now(ZONE);
        // the plot: 12 months, this month's bar the net spending of the month (mug, lamp, chair)
        assertEquals(12L, ((Number) browser.executeScript(
                "return document.querySelectorAll('#spending-plot svg rect.bar').length;")).longValue());
        assertEquals("12500", browser.findElement(By.cssSelector("#spending-plot svg rect.bar[data-month='"
                + now + "']")).getDomAttribute("data-minor"));
        assertEquals("In EUR, net of refunds.", ui.text("spending-plot-note"));

        // a period that is not a month: the last days of the previous month to today
        LocalDate today = LocalDate.now(ZONE);
        LocalDate first = now.minusMonths(1).atEndOfMonth().minusDays(2);
        pickPeriod(today, first);
        browser.findElement(By.id("period-show")).click();
        wait.until(d -> ui.text("period-error").equals("The last day comes before the first day."));
        pickPeriod(first, today);
        browser.findElement(By.id("period-show")).click();
        String label = DAY.format(first) + " – " + DAY.format(today);
        wait.until(d -> ui.text("month-label").equals(label));
        wait.until(d -> ui.text("month-total").equals("Spent in the period: 125.00 EUR (net of refunds; 4 purchases)"));
        assertEquals("", ui.text("period-error"));
        assertEquals(List.of(MONTH.format(now.minusMonths(1)) + ": nothing spent", MONTH.format(now) + ": 125.00 EUR"),
                browser.findElements(By.cssSelector("#period-months li")).stream().map(e -> e.getText().trim())
                        .toList());
        assertEquals(4L, gridSize());
        ui.screenshot("console-period");

        // the CSV of what is shown, fetched with this session's cookie
        aCsvLink = URI.create(base).resolve(browser.findElement(By.id("export-csv")).getDomAttribute("href"))
                .toString();
        HttpResponse<String> csv = fetch(aCsvLink, sessionCookie());
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse(""),
                csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("content-disposition").orElse(""), csv.headers()
                .firstValue("content-disposition").orElse("").contains("accord-purchases-" + first + "_" + today));
        List<String> lines = csv.body().lines().toList();
        assertEquals(csv.body(), "Date,Merchant,Order,Status,Amount,Currency,Refunded,Purchase id", lines.get(0));
        assertEquals(csv.body(), 5, lines.size());
        assertTrue(csv.body(), csv.body().endsWith("\r\n"));
        assertTrue(csv.body(), lines.stream().anyMatch(l -> l.endsWith(",Demo Shop," + A_PAID_ORDER
                + ",\"Paid, held in escrow\",25.00,EUR,0.00," + aPaidId)));
        assertTrue(csv.body(), lines.stream().anyMatch(l -> l.endsWith(",Demo Shop," + A_SHIPPED_ORDER
                + ",Shipped,40.00,EUR,0.00," + shipped)));
        assertTrue(csv.body(), lines.stream().anyMatch(l -> l.contains("," + A_DECLINED_ORDER + ",Declined,30.00,")));
        assertFalse(csv.body(), csv.body().contains(B_ORDER));

        // the trace of the shipped purchase, then delivery confirmed (cancel first: nothing changes)
        browser.findElement(cell(A_SHIPPED_ORDER)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchase-trace")));
        List<String> steps = traceSteps();
        assertTrue(steps.toString(), inOrder(steps, "Requested by the merchant", "Challenge sent to your phone",
                "Approved on your phone", "Debited, money held in escrow", "Shipped by the merchant"));
        assertFalse(steps.toString(), steps.stream().anyMatch(s -> s.endsWith("Delivery confirmed")));
        assertEquals("Shipped", ui.text("purchase-detail-status"));
        ui.screenshot("console-purchase-trace");
        browser.findElement(By.id("purchase-confirm-delivery")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-delivery-cancel"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-delivery-cancel")));
        assertTrue(accord.operator("accord:purchase-show " + shipped).contains("SHIPPED"));
        browser.findElement(By.id("purchase-confirm-delivery")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-delivery-yes")));
        ui.screenshot("console-confirm-delivery");
        browser.findElement(By.id("confirm-delivery-yes")).click();
        accord.awaitShell("accord:purchase-show " + shipped, "DELIVERED", "SETTLED");
        // the purchase as the customer finds it again: delivered, the confirmation in its trace,
        // nothing more to do
        reopen(A_SHIPPED_ORDER);
        wait.until(d -> detailStatus().startsWith("Delivered"));
        awaitTraceStep("Delivery confirmed");
        assertFalse("no second confirmation", ui.present("purchase-confirm-delivery"));
        assertFalse("no dispute after delivery", ui.present("purchase-dispute"));
        browser.findElement(By.id("purchase-detail-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("purchase-detail-status")));

        // a dispute: a reason is required, then the money stays in escrow, disputed
        browser.findElement(cell(A_DISPUTED_ORDER)).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("purchase-dispute"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dispute-submit"))).click();
        wait.until(d -> d.findElement(By.id("dispute-reason")).getDomAttribute("invalid") != null);
        assertTrue(accord.operator("accord:purchase-show " + disputed).contains("IN_ESCROW"));
        browser.findElement(By.cssSelector("#dispute-reason textarea")).sendKeys("The chair arrived broken, " + RUN);
        ui.screenshot("console-dispute");
        browser.findElement(By.id("dispute-submit")).click();
        accord.awaitShell("accord:purchase-show " + disputed, "DISPUTED");
        reopen(A_DISPUTED_ORDER);
        wait.until(d -> detailStatus().equals("Disputed"));
        awaitTraceStep("Dispute opened");
        assertFalse(ui.present("purchase-dispute"));
        assertFalse(ui.present("purchase-confirm-delivery"));
        browser.findElement(By.id("purchase-detail-close")).click();
        System.out.println("console-browser: period, trace, delivery, dispute, CSV in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    public void g_anotherCustomerSeesNothingOfTheDemoCustomerInAnyPeriodTheCsvOrTheDemoCustomersCsvLink()
            throws Exception {
        signIn(B_PHONE, B_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        wait.until(d -> gridTexts().contains(B_ORDER));
        LocalDate today = LocalDate.now(ZONE);
        pickPeriod(today.minusDays(700), today);
        browser.findElement(By.id("period-show")).click();
        wait.until(d -> ui.text("month-total").equals("Spent in the period: 3.00 EUR (net of refunds; 1 purchase)"));
        assertNothingOfTheDemoCustomer();
        assertEquals("300", browser.findElement(By.cssSelector("#spending-plot svg rect.bar[data-month='"
                + YearMonth.now(ZONE) + "']")).getDomAttribute("data-minor"));

        Cookie b = sessionCookie();
        HttpResponse<String> own = fetch(URI.create(base).resolve(browser.findElement(By.id("export-csv"))
                .getDomAttribute("href")).toString(), b);
        assertEquals(200, own.statusCode());
        assertEquals(own.body(), 2, own.body().lines().count());
        assertTrue(own.body(), own.body().contains("," + B_ORDER + ","));
        // the demo customer's link belongs to the demo customer's session: nothing from it here
        assertNotNull("test f_ ran first", aCsvLink);
        HttpResponse<String> theirs = fetch(aCsvLink, b);
        assertNotEquals(theirs.body(), 200, theirs.statusCode());
        for (String secret : List.of(A_PAID_ORDER, A_SHIPPED_ORDER, A_DISPUTED_ORDER, "25.00")) {
            assertFalse(theirs.body(), theirs.body().contains(secret));
        }
        HttpResponse<String> anonymous = fetch(aCsvLink, null);
        assertFalse(anonymous.body(), anonymous.body().contains(A_PAID_ORDER));
    }

    @Test
    public void h_passwordChangeNeedsTheCurrentPasswordEndsOtherSessionsAndTheNewOneSignsIn() throws Exception {
        // an earlier session of the same customer (another device)
        signIn(DEMO_PHONE, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        Cookie other = sessionCookie();
        browser.manage().deleteAllCookies();
        signIn(DEMO_PHONE, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        Cookie here = sessionCookie();
        assertNotEquals(other.getValue(), here.getValue());

        browser.findElement(By.id("account-password")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-help")));
        assertTrue(ui.text("pin-help"), ui.text("pin-help").contains("changed on the phone only"));
        changePassword("not-my-password", A_NEW_PASSWORD, A_NEW_PASSWORD);
        wait.until(d -> ui.text("password-message").equals("Your current password is not right."));
        changePassword(DEMO_PASSWORD, A_NEW_PASSWORD, A_NEW_PASSWORD + "x");
        wait.until(d -> ui.text("password-message").equals("The new password and its repetition differ."));
        changePassword(DEMO_PASSWORD, "ababababababab", "ababababababab");
        wait.until(d -> ui.text("password-message")
                .equals("Not changed: the password must have at least 6 different characters."));
        ui.screenshot("console-password");
        changePassword(DEMO_PASSWORD, A_NEW_PASSWORD, A_NEW_PASSWORD);
        wait.until(d -> ui.text("password-message").startsWith("Password changed."));
        ui.awaitVaadinIdle();
        Cookie changed = sessionCookie();
        assertNotEquals("a new session id at password change", here.getValue(), changed.getValue());
        // this session goes on
        browser.findElement(By.id("password-close")).click();
        browser.findElement(By.id("month-previous")).click();
        wait.until(d -> ui.text("month-label").equals(MONTH.format(YearMonth.now(ZONE).minusMonths(1))));

        // the other session has ended
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie.Builder(other.getName(), other.getValue()).path("/").build());
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        assertFalse(browser.getPageSource().contains(A_PAID_ORDER));

        // the old password no longer signs in, the new one does
        browser.manage().deleteAllCookies();
        signIn(DEMO_PHONE, DEMO_PASSWORD);
        awaitSignInAnswer();
        assertEquals(NOT_RECOGNISED, ui.text("login-error"));
        signIn(DEMO_PHONE, A_NEW_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        wait.until(d -> gridTexts().contains(A_PAID_ORDER));
    }

    @Test
    public void z_aSessionEndsAfterFifteenMinutesWithoutUserActivityOnAccordsClock() throws Exception {
        // runs last: it moves Accord's clock forward
        signIn(DEMO_PHONE, A_NEW_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        String thisMonth = MONTH.format(YearMonth.now(ZONE));
        String previous = MONTH.format(YearMonth.now(ZONE).minusMonths(1));
        wait.until(d -> ui.text("month-label").equals(thisMonth));
        // 14 minutes idle, then a click: still signed in, and the click counts as activity
        accord.operator("accord:clock-advance PT14M");
        browser.findElement(By.id("month-previous")).click();
        wait.until(d -> ui.text("month-label").equals(previous));
        accord.operator("accord:clock-advance PT14M");
        browser.findElement(By.id("month-next")).click();
        wait.until(d -> ui.text("month-label").equals(thisMonth));
        assertTrue(ui.present("purchases-view"));
        // 16 minutes idle: the next click finds the session ended and the browser is on the sign-in page
        accord.operator("accord:clock-advance PT16M");
        browser.findElement(By.id("month-previous")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/login"));
        assertFalse(browser.getPageSource().contains(A_PAID_ORDER));
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
    }

    // ---- browser ------------------------------------------------------------------------------

    private static void signIn(String phone, String password) {
        browser.get(base + "login");
        WebElement phoneInput = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login-phone input")));
        ui.awaitVaadinIdle();
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
        ui.awaitVaadinIdle();
    }


    /** Sets the period picker's days (the date pickers' ISO value, as a person picking them would). */
    private static void pickPeriod(LocalDate first, LocalDate last) {
        ui.awaitVaadinIdle();
        browser.executeScript("arguments[0].value = arguments[2]; arguments[1].value = arguments[3];",
                browser.findElement(By.id("period-from")), browser.findElement(By.id("period-to")), first.toString(),
                last.toString());
        ui.awaitVaadinIdle();
    }

    /** @return the detail dialog's trace, one "time — words" per step */
    @SuppressWarnings("unchecked")
    private static List<String> traceSteps() {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('#purchase-trace li'))"
                + ".map(e => e.textContent.trim());");
    }

    /** Loads the purchases page again (the current month) and opens the purchase of {@code order}. */
    private static void reopen(String order) {
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        wait.until(d -> gridTexts().contains(order));
        ui.awaitVaadinIdle();
        browser.findElement(cell(order)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchase-trace")));
    }

    /** @return the status shown by the newest detail dialog, or "" when none is open */
    private static String detailStatus() {
        Object status = browser.executeScript("var e = document.querySelectorAll('#purchase-detail-status');"
                + " return e.length ? e[e.length - 1].textContent.trim() : '';");
        return String.valueOf(status);
    }

    /** Waits until the detail dialog's trace has a step ending with {@code words}; fails with the trace shown. */
    private static void awaitTraceStep(String words) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> steps = List.of();
        while (Instant.now().isBefore(deadline)) {
            steps = traceSteps();
            if (steps.stream().anyMatch(s -> s.endsWith(words))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no step '" + words + "' in the trace within 30 s: " + steps + "\nstatus: "
                + browser.findElements(By.id("purchase-detail-status")).stream().map(WebElement::getText).toList());
    }

    /** @return true when each of {@code words} ends a step, in this order */
    private static boolean inOrder(List<String> steps, String... words) {
        int i = 0;
        for (String step : steps) {
            if (i < words.length && step.endsWith(words[i])) {
                i++;
            }
        }
        return i == words.length;
    }

    private static void changePassword(String current, String next, String repeat) {
        ui.awaitVaadinIdle();
        browser.findElement(By.cssSelector("#password-current input")).sendKeys(current);
        browser.findElement(By.cssSelector("#password-new input")).sendKeys(next);
        browser.findElement(By.cssSelector("#password-repeat input")).sendKeys(repeat);
        browser.findElement(By.id("password-change")).click();
        // the server empties the fields once it has answered
        wait.until(d -> d.findElement(By.cssSelector("#password-current input")).getDomProperty("value").isEmpty());
        ui.awaitVaadinIdle();
    }

    /** GET with the given session cookie (or none). */
    private static HttpResponse<String> fetch(String url, Cookie session) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            get.header("Cookie", session.getName() + "=" + session.getValue());
        }
        // the consoles serve TLS with the distribution's generated certificate
        return SignedApi.trusting(accord.home().resolve("etc/accord-console.p12"), "accord-rest")
                .send(get.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean enabled(String id) {
        return ui.enabled(id);
    }

    /** @return the texts of the purchases grid's cells (headers included), as rendered */
    private static List<String> gridTexts() {
        return ui.gridTexts("purchases-grid");
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
            return lines.filter(l -> l.contains("ConsoleServer") && l.contains("consoles on https://")).count();
        }
    }

    private static void assertNothingOfTheDemoCustomer() {
        String page = browser.getPageSource();
        for (String secret : List.of(A_PAID_ORDER, A_DECLINED_ORDER, "25.00 EUR", "Blue mug", "Teapot")) {
            assertFalse(secret + " shown to another customer at " + browser.getCurrentUrl(), page.contains(secret));
        }
    }

    // ---- operator shell -----------------------------------------------------------------------

    /** Runs {@code before} (shell commands ending with a new line, or nothing), then requests a purchase. */
    private static String purchase(String before, String phone, String order, String items) throws Exception {
        String out = accord.operator(before + "accord:purchase-request --merchant \"Demo Shop\" --phone " + phone + " --country FR"
                + " --order " + order + " " + items);
        Matcher m = PURCHASE_ID.matcher(out);
        assertTrue(out, m.find());
        return m.group(1);
    }

    private static void awaitState(String purchaseId, String state) throws Exception {
        accord.awaitShell("accord:purchase-show " + purchaseId, state);
    }
}
