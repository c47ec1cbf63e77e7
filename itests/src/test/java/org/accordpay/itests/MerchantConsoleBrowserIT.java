package org.accordpay.itests;

import static org.accordpay.itests.support.ConsoleDistribution.cell;
import static org.accordpay.itests.support.ConsoleDistribution.field;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accordpay.itests.support.ConsoleDistribution;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The merchant console in a real browser against the distribution running as a separate process
 * on its embedded defaults (demo merchant "Demo Shop" with its console account): sign-in, the
 * period's orders with a filter and the plot, an order in detail with its delivery address, shipping,
 * a refund, the settlement report, a webhook endpoint added, the event log, isolation from a second
 * merchant and from customers, and the lock-out. One distribution start and one browser.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MerchantConsoleBrowserIT {

    private static final String DEMO_LOGIN = "shop@demo.example";
    private static final String DEMO_PASSWORD = "demo-shop-password";
    private static final String DEMO_PHONE = "+33612345678";
    private static final String B_LOGIN = "anne@lampes.example";
    private static final String B_PASSWORD = "lampes-anne-2026";
    /** Texts of console-ui's MerchantLoginView. */
    private static final String NOT_RECOGNISED = "We could not sign you in with these details. Check them and try again.";
    private static final String PAUSED = "Too many failed attempts. For your security, signing in with these details"
            + " is paused; try again in 15 minutes.";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private static final String MUG = "M-MUG-" + RUN;
    private static final String TEAPOT = "M-TEAPOT-" + RUN;
    private static final String VASE = "M-VASE-" + RUN;
    private static final String LAMP = "B-LAMP-" + RUN;
    private static final String TRACKING = "TRK-" + RUN;

    private static ConsoleDistribution console;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String base;
    private static String mugId;
    private static String teapotId;
    private static String vaseId;
    private static String lampId;
    private static String demoMerchantId;
    private static String bMerchantId;
    private static String demoReference;

    @BeforeClass
    public static void startAccordAndBrowser() throws Exception {
        long t0 = System.nanoTime();
        console = ConsoleDistribution.start("merchant-console-browser");
        browser = console.driver();
        wait = console.await();
        base = console.base();
        var accord = console.accord();

        demoReference = field(console.awaitShell("accord:customer-show --country FR " + DEMO_PHONE,
                "status     : ACTIVE"), "reference");
        demoMerchantId = merchantIdOf(console.awaitShell("accord:merchant-users \"Demo Shop\"", DEMO_LOGIN));
        mugId = ConsoleDistribution.purchase(accord, "", "Demo Shop", DEMO_PHONE, MUG, "\"Blue mug:12.50:2\"");
        ConsoleDistribution.awaitState(accord, mugId, "IN_ESCROW");
        teapotId = ConsoleDistribution.purchase(accord, "", "Demo Shop", DEMO_PHONE, TEAPOT, "\"Teapot:30.00:1\"");
        ConsoleDistribution.awaitState(accord, teapotId, "IN_ESCROW");
        vaseId = ConsoleDistribution.purchase(accord, "accord:handset-policy " + DEMO_PHONE + " decline\n", "Demo Shop",
                DEMO_PHONE, VASE, "\"Vase:40.00:1\"");
        ConsoleDistribution.awaitState(accord, vaseId, "DECLINED");

        // a second merchant, admitted, with its own console account and one order of the same customer
        String applied = console.shell("accord:handset-policy " + DEMO_PHONE + " approve\n"
                + "accord:merchant-apply \"Lampes Anne SARL\" \"Lampes Anne " + RUN + "\" FR7630006000011234567890189"
                + " \"Lampes Anne SARL\"");
        Matcher m = Pattern.compile("merchant (\\S+) applied").matcher(applied);
        assertTrue(applied, m.find());
        bMerchantId = m.group(1);
        console.shell("accord:merchant-condition " + bMerchantId + " bank-account-verified checked\n"
                + "accord:merchant-condition " + bMerchantId + " terms-accepted signed\n"
                + "accord:merchant-admit " + bMerchantId + " test merchant\n"
                + "accord:merchant-user-add --merchant " + bMerchantId + " --password " + B_PASSWORD + " " + B_LOGIN);
        lampId = ConsoleDistribution.purchase(accord, "", bMerchantId, DEMO_PHONE, LAMP, "\"Lamp:55.00:1\"");
        ConsoleDistribution.awaitState(accord, lampId, "IN_ESCROW");
        System.out.println("merchant-console-browser: set up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @AfterClass
    public static void stopAccordAndBrowser() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Before
    public void freshBrowserSession() {
        browser.get(base + "merchant/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    public void a_merchantSignsInAndSeesThePeriodsOrdersFiltersThemAndThePlot() throws Exception {
        browser.get(base + "merchant");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merchant-login-view")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/merchant/login"));
        assertEquals("Accord – merchant sign-in", browser.getTitle());
        console.screenshot("merchant-signin");
        Cookie before = browser.manage().getCookieNamed("ACCORDCONSOLE");

        signIn(DEMO_LOGIN, DEMO_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("orders-view")));
        assertEquals("Accord – orders", browser.getTitle());
        // a new session id at sign-in
        assertNotEquals(before.getValue(), browser.manage().getCookieNamed("ACCORDCONSOLE").getValue());
        assertEquals("Demo Shop · " + DEMO_LOGIN, console.text("merchant-signed-in-as"));
        wait.until(d -> console.gridTexts("orders-grid").containsAll(List.of(MUG, TEAPOT, VASE)));
        List<String> cells = console.gridTexts("orders-grid");
        assertTrue(cells.toString(), cells.containsAll(List.of("25.00 EUR", "30.00 EUR", "40.00 EUR", "Paid, to ship",
                "Declined by the customer", demoReference)));
        assertFalse("another merchant's order", cells.contains(LAMP));
        assertFalse("customers' phone numbers are not shown", console.pageText().contains(DEMO_PHONE));
        assertTrue(console.text("orders-summary"), console.text("orders-summary").contains("paid, net of refunds: "));
        // the plot: server-side SVG, one bar and one dot per day of the month, in the SVG namespace
        Object bars = browser.executeScript("var r = document.querySelectorAll('#orders-plot svg rect.revenue');"
                + " return r.length > 0 && r[0].namespaceURI === 'http://www.w3.org/2000/svg'"
                + " && r[0].getBBox !== undefined ? r.length : -1;");
        assertTrue("bars: " + bars, ((Number) bars).intValue() >= 28);
        Object tallest = browser.executeScript("return Math.max.apply(null, Array.from(document.querySelectorAll("
                + "'#orders-plot svg rect.revenue')).map(r => r.getBBox().height));");
        assertTrue("a drawn bar: " + tallest, ((Number) tallest).doubleValue() > 10);
        console.screenshot("merchant-orders");

        // filters: amounts from 26 to 35 EUR leave only the teapot; the customer's reference keeps all three
        console.type("orders-min", "26");
        console.type("orders-max", "35");
        browser.findElement(By.id("orders-apply")).click();
        // one row, the teapot (cells of rows no longer shown may stay in the DOM: the size is what counts)
        wait.until(d -> console.gridSize("orders-grid") == 1);
        wait.until(d -> console.gridTexts("orders-grid").contains(TEAPOT));
        console.type("orders-min", "");
        console.type("orders-max", "");
        console.type("orders-customer", demoReference);
        browser.findElement(By.id("orders-apply")).click();
        wait.until(d -> console.gridTexts("orders-grid").containsAll(List.of(MUG, TEAPOT, VASE)));
        console.type("orders-customer", "AC0000000000");
        browser.findElement(By.id("orders-apply")).click();
        wait.until(d -> console.gridSize("orders-grid") == 0);
        // nonsense is refused with words, nothing else changes
        console.type("orders-customer", "");
        console.type("orders-min", "abc");
        browser.findElement(By.id("orders-apply")).click();
        wait.until(d -> console.present("orders-message") && browser.findElement(By.id("orders-message")).isDisplayed());
        assertEquals("The lowest amount is not an amount in EUR, e.g. 12.50.", console.text("orders-message"));
    }

    @Test
    public void b_anOrderInDetailShowsTheAddressOnlyOncePaidAndIsMarkedShipped() throws Exception {
        signedIn(DEMO_LOGIN, DEMO_PASSWORD);
        wait.until(d -> console.gridTexts("orders-grid").contains(MUG));
        var row = browser.findElement(cell(MUG));
        // below the plot: brought into view first, or the click lands on whatever covers the window's edge
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
        row.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-title")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/merchant/orders/" + mugId));
        assertEquals("Order " + MUG, console.text("order-title"));
        assertEquals("Paid, to ship", console.text("order-status"));
        assertEquals("Camille Martin, 12 rue des Lilas, 75011 Paris, FR", console.text("order-address"));
        assertEquals(demoReference, console.text("order-customer"));
        console.screenshot("merchant-order");

        console.type("ship-courier", "loopback-courier");
        console.type("ship-tracking", TRACKING);
        browser.findElement(By.id("ship")).click();
        wait.until(d -> console.text("order-status").equals("Shipped"));
        assertEquals("Marked as shipped.", console.text("order-message"));
        assertEquals("loopback-courier " + TRACKING, console.text("order-tracking"));
        ConsoleDistribution.awaitState(console.accord(), mugId, "SHIPPED");
        // the courier delivers: the order is paid out (used by the settlement report)
        console.awaitShell("accord:courier-deliver " + TRACKING, "Accord matched it");
        ConsoleDistribution.awaitState(console.accord(), mugId, "SETTLED");

        // a declined order: no address, nothing to ship or refund
        browser.get(base + "merchant/orders/" + vaseId);
        wait.until(d -> console.present("order-status") && console.text("order-status").equals("Declined by the customer"));
        assertEquals("Shown once the order is paid", console.text("order-address"));
        // nothing to ship: the section is not even sent to the browser
        assertTrue(browser.findElements(By.id("ship")).stream().noneMatch(e -> e.isDisplayed()));
        assertFalse(console.pageText().contains("12 rue des Lilas"));
    }

    @Test
    public void c_aPartialRefundIsConfirmedFirst() throws Exception {
        signedIn(DEMO_LOGIN, DEMO_PASSWORD);
        browser.get(base + "merchant/orders/" + teapotId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refund-amount")));
        assertEquals("30.00", browser.findElement(By.cssSelector("#refund-amount input")).getDomProperty("value"));
        console.type("refund-amount", "10.00");
        console.type("refund-reason", "chipped lid");
        browser.findElement(By.id("refund")).click();
        By confirm = By.cssSelector("[slot='confirm-button']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(confirm));
        assertEquals("Refund 10.00 EUR?", browser.executeScript("return document.getElementById('refund-confirm').header;"));
        console.screenshot("merchant-refund-confirm");
        // nothing happens before the confirmation
        assertEquals("0.00 EUR", console.text("order-refunded"));
        browser.findElement(confirm).click();
        wait.until(d -> console.text("order-refunded").equals("10.00 EUR"));
        assertEquals("Paid, to ship (partly refunded)", console.text("order-status"));
        assertEquals("Refunded 10.00 EUR.", console.text("order-message"));
        console.awaitShell("accord:purchase-show " + teapotId, "10.00");

        // more than what is left is refused with words, and changes nothing
        console.type("refund-amount", "25.00");
        console.type("refund-reason", "too much");
        browser.findElement(By.id("refund")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(confirm));
        browser.findElement(confirm).click();
        wait.until(d -> console.text("order-message").startsWith("The amount is not possible"));
        assertEquals("10.00 EUR", console.text("order-refunded"));
    }

    @Test
    public void d_theSettlementReportAddsUpThePeriod() throws Exception {
        signedIn(DEMO_LOGIN, DEMO_PASSWORD);
        browser.findElement(By.id("nav-settlement")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settlement-paid-EUR")));
        // mug 25.00 (delivered, paid out less the 1% fee) + teapot 30.00 (10.00 refunded, 20.00 held); the
        // declined vase counts as an order only
        assertEquals("3 (2 paid)", console.text("settlement-orders-EUR"));
        assertEquals("55.00 EUR", console.text("settlement-paid-EUR"));
        assertEquals("10.00 EUR", console.text("settlement-refunded-EUR"));
        assertEquals("0.25 EUR", console.text("settlement-fees-EUR"));
        assertEquals("24.75 EUR", console.text("settlement-paid-out-EUR"));
        assertEquals("20.00 EUR", console.text("settlement-held-EUR"));
        console.screenshot("merchant-settlement");
    }

    @Test
    public void e_webhookEndpointAddedKeysAndEventsListed() throws Exception {
        signedIn(DEMO_LOGIN, DEMO_PASSWORD);
        browser.findElement(By.id("nav-integration")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-url")));
        // the demo merchant's test key, written at first start
        wait.until(d -> console.gridTexts("keys-grid").contains("test"));
        String hook = "http://127.0.0.1:9/hooks/" + RUN;
        console.type("webhook-url", hook);
        browser.findElement(By.id("webhook-add")).click();
        wait.until(d -> console.gridTexts("webhooks-grid").contains(hook));
        assertEquals("Endpoint " + hook + " added.", console.text("integration-message"));
        console.awaitShell("accord:webhook-list " + demoMerchantId, hook);
        // an address that is not a URL is refused, nothing added
        console.type("webhook-url", "not a url");
        browser.findElement(By.id("webhook-add")).click();
        wait.until(d -> console.text("integration-message").startsWith("Refused"));
        assertFalse(console.gridTexts("webhooks-grid").contains("not a url"));
        // return URLs: registered, refused when not http(s), removed (the rules are the merchant API's: ReturnUrls)
        String thanks = "https://shop.example/thanks/" + RUN;
        console.type("return-url", thanks);
        browser.findElement(By.id("return-url-add")).click();
        wait.until(d -> console.gridTexts("return-urls-grid").contains(thanks));
        assertEquals("Return URL " + thanks + " registered.", console.text("integration-message"));
        console.type("return-url", "ftp://shop.example/" + RUN);
        browser.findElement(By.id("return-url-add")).click();
        wait.until(d -> console.text("integration-message").startsWith("Refused"));
        assertFalse(console.gridTexts("return-urls-grid").contains("ftp://shop.example/" + RUN));
        console.screenshot("merchant-integration");
        // the demo merchant has other return URLs: remove this one, by its button's label
        By removeThanks = By.cssSelector("vaadin-button[aria-label='Remove " + thanks + "']");
        browser.findElement(removeThanks).click();
        wait.until(d -> console.text("integration-message").equals("Return URL " + thanks + " removed."));
        // a removed row's cells linger hidden in the grid's DOM: look again on a freshly drawn page
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("return-url")));
        console.awaitVaadinIdle();
        assertFalse(console.gridTexts("return-urls-grid").contains(thanks));
        assertTrue(browser.findElements(removeThanks).isEmpty());

        browser.findElement(By.id("nav-events")).click();
        wait.until(d -> console.gridTexts("events-grid").contains("purchase.in_escrow"));
        List<String> events = console.gridTexts("events-grid");
        assertTrue(events.toString(), events.containsAll(List.of(mugId, "purchase.shipped", "purchase.settled",
                "purchase.refunded")));
        assertFalse("another merchant's events", events.contains(lampId));
        console.screenshot("merchant-events");
    }

    @Test
    public void f_anotherMerchantNeverSeesTheFirstsOrdersAndCustomersNeverOpenMerchantViews() throws Exception {
        signedIn(B_LOGIN, B_PASSWORD);
        wait.until(d -> console.gridTexts("orders-grid").contains(LAMP));
        assertEquals(1L, console.gridSize("orders-grid"));
        assertNothingOfDemoShop();
        // the first merchant's purchase ids, its merchant id and its order refs in every place a URL can carry them
        for (String url : List.of("merchant/orders/" + mugId, "merchant/orders/" + teapotId,
                "merchant/orders/" + vaseId + "?merchant=" + demoMerchantId,
                "merchant/orders/" + MUG, "merchant/orders/" + mugId + "/..",
                "merchant?merchant=" + demoMerchantId + "&purchase=" + mugId,
                "merchant/settlement?merchant=" + demoMerchantId, "merchant/events?merchant=" + demoMerchantId,
                "merchant/integration?merchant=" + demoMerchantId)) {
            browser.get(base + url);
            console.awaitVaadinIdle();
            assertNothingOfDemoShop();
        }
        browser.get(base + "merchant/orders/" + mugId);
        wait.until(d -> console.present("order-not-found"));
        assertEquals("No such order.", console.text("order-not-found"));
        // its own order opens
        browser.get(base + "merchant/orders/" + lampId);
        wait.until(d -> console.present("order-title"));
        assertEquals("Order " + LAMP, console.text("order-title"));
        // a merchant session does not open the customer console
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));

        // a customer session does not open the merchant console
        browser.manage().deleteAllCookies();
        browser.get(base + "login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-phone input")));
        console.awaitVaadinIdle();
        console.type("login-phone", DEMO_PHONE);
        browser.findElement(By.cssSelector("#login-password input")).sendKeys("demo-password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchases-view")));
        for (String url : List.of("merchant", "merchant/orders/" + mugId, "merchant/settlement", "merchant/events",
                "merchant/integration")) {
            browser.get(base + url);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merchant-login-view")));
            assertFalse(url, console.present("orders-grid") || console.present("order-title"));
        }

        // sign-out ends the merchant session: the views send to sign-in again
        signIn(B_LOGIN, B_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("orders-view")));
        browser.findElement(By.id("merchant-logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merchant-login-view")));
        browser.get(base + "merchant");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merchant-login-view")));
    }

    @Test
    public void g_wrongPasswordFiveTimesPausesSignInForThatLoginOnly() throws Exception {
        browser.get(base + "merchant/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#merchant-login input")));
        console.awaitVaadinIdle();
        attempt("nobody-" + RUN + "@example.com", "whatever-password");
        assertEquals(NOT_RECOGNISED, console.text("merchant-login-error"));
        for (int i = 1; i <= 4; i++) {
            attempt(DEMO_LOGIN, "wrong-password-" + i);
            assertEquals("attempt " + i, NOT_RECOGNISED, console.text("merchant-login-error"));
        }
        attempt(DEMO_LOGIN, "wrong-password-5");
        assertEquals(PAUSED, console.text("merchant-login-error"));
        console.screenshot("merchant-locked");
        // the right password is refused too while paused
        attempt(DEMO_LOGIN, DEMO_PASSWORD);
        assertEquals(PAUSED, console.text("merchant-login-error"));
        assertFalse(console.present("orders-view"));
        // another merchant's account still signs in
        signIn(B_LOGIN, B_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("orders-view")));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Signs in and waits for the orders, the page a merchant lands on. */
    private static void signedIn(String login, String password) {
        signIn(login, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("orders-view")));
        console.awaitVaadinIdle();
    }

    private static void signIn(String login, String password) {
        browser.get(base + "merchant/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#merchant-login input")));
        console.awaitVaadinIdle();
        console.type("merchant-login", login);
        browser.findElement(By.cssSelector("#merchant-password input")).sendKeys(password);
        browser.findElement(By.id("merchant-sign-in")).click();
    }

    /** One sign-in attempt on the page shown; waits for the server's answer (password emptied, error shown). */
    private static void attempt(String login, String password) {
        console.type("merchant-login", login);
        browser.findElement(By.cssSelector("#merchant-password input")).sendKeys(password);
        browser.findElement(By.id("merchant-sign-in")).click();
        wait.until(d -> d.findElement(By.cssSelector("#merchant-password input")).getDomProperty("value").isEmpty()
                && d.findElement(By.id("merchant-login-error")).isDisplayed());
        console.awaitVaadinIdle();
    }

    private static void assertNothingOfDemoShop() {
        String page = browser.getPageSource();
        // (the customer's address is not a secret here: the second merchant has a paid order of the same customer)
        for (String secret : List.of(MUG, TEAPOT, VASE, "Blue mug", "Teapot", "Demo Shop")) {
            assertFalse(secret + " shown to another merchant at " + browser.getCurrentUrl(), page.contains(secret));
        }
    }

    /** @return the merchant id in {@code accord:merchant-users} output ("mu_...  login  merchant m-...  since ...") */
    private static String merchantIdOf(String users) {
        Matcher m = Pattern.compile("merchant (\\S+)").matcher(users);
        assertTrue(users, m.find());
        return m.group(1);
    }
}
