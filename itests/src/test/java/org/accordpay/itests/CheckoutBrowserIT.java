package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accordpay.itests.support.AccordProcess;
import org.accordpay.itests.support.ConsoleBrowser;
import org.accordpay.itests.support.SignedApi;
import org.accordpay.itests.support.WebhookReceiver;
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
 * The hosted checkout end to end, in a real browser against the distribution running as a separate process
 * (embedded defaults, demo data, adjustable clock): the demo merchant creates the purchase over the real
 * signed merchant API, the browser opens its {@code checkout_url} on the consoles' HTTPS server, the buyer
 * types the demo customer's number, the simulated handset answers, and the page, which the browser never
 * reloads, follows by server push and lands on the merchant's registered return URL.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CheckoutBrowserIT {

    private static final String DEMO_PHONE = "+33612345678";
    /** A well-formed number that names nobody. */
    private static final String NOBODY = "+33600000042";
    private static final Pattern CHECKOUT_URL = Pattern.compile("\"checkout_url\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"(pur_[0-9a-f]+)\"");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    private static AccordProcess accord;
    private static ConsoleBrowser ui;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    /** The shop's return page. */
    private static WebhookReceiver shop;
    private static String returnUrl;
    private static HttpClient api;
    private static String keyId;
    private static PrivateKey key;
    /** How far Accord's clock was moved ahead: signed requests carry Accord's time. */
    private static Duration clockOffset = Duration.ZERO;

    @BeforeClass
    public static void startAccordBrowserAndShop() throws Exception {
        long t0 = System.nanoTime();
        ui = ConsoleBrowser.start();
        browser = ui.driver();
        wait = ui.await();
        accord = AccordProcess.unpack("checkout-browser");
        accord.configure("org.accordpay.time.cfg", "adjustable", "true");
        accord.start();
        System.out.println("accord: READY in " + accord.awaitReady(Duration.ofSeconds(300)).toMillis()
                + " ms");
        accord.awaitShell("accord:customer-show --country FR " + DEMO_PHONE, "status     : ACTIVE");
        Path etc = accord.home().resolve("etc");
        Path env = etc.resolve("demo-merchant.env");
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.exists(env) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        keyId = AccordProcess.field(Files.readString(env).replace("=", " : "), "ACCORD_KEY_ID");
        key = SignedApi.ed25519(etc.resolve("demo-merchant-key.pem"));
        api = SignedApi.trusting(etc.resolve("accord-rest.p12"), "accord-rest");

        shop = new WebhookReceiver();
        returnUrl = shop.url().replace("/hooks/accord", "/thanks");
        HttpResponse<String> registered = post("/v1/return-urls", "{\"url\":\"" + returnUrl + "\"}");
        assertTrue(registered.body(), registered.statusCode() == 201 || registered.statusCode() == 200);
        System.out.println("checkout-browser: set up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @AfterClass
    public static void stopAll() throws Exception {
        try {
            if (ui != null) {
                ui.close();
            }
            if (shop != null) {
                shop.close();
            }
        } finally {
            if (accord != null) {
                accord.close();
            }
        }
    }

    @Before
    public void demoHandsetApprovesByHand() throws Exception {
        accord.operator("accord:handset-policy " + DEMO_PHONE + " manual");
    }

    @Test
    public void a_theBuyerPaysWithTheirNumberApprovesOnThePhoneAndIsSentBackToTheShop() throws Exception {
        Checkout c = hostedCheckout("A-BOOK-" + RUN);
        assertTrue(c.url, c.url.startsWith(accord.consoleBase() + "checkout/"));
        browser.get(c.url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkout-page")));
        assertEquals("Accord – payment", browser.getTitle());
        assertEquals("Demo Shop", ui.text("checkout-merchant"));
        assertEquals("Order A-BOOK-" + RUN, ui.text("checkout-order"));
        assertEquals("28.00 EUR", ui.text("checkout-total"));
        String basket = ui.text("checkout-basket");
        assertTrue(basket, basket.contains("2 × Book at 12.50 EUR") && basket.contains("25.00 EUR")
                && basket.contains("1 × Tea at 3.00 EUR"));
        assertEquals("Pay with your mobile number", ui.text("checkout-heading"));
        assertTrue(ui.present("checkout-test-mode"));
        Cookie session = browser.manage().getCookieNamed("ACCORDCONSOLE");
        assertNotNull("a session cookie", session);
        assertTrue("the session cookie is Secure over TLS", session.isSecure());
        assertTrue(session.isHttpOnly());
        ui.screenshot("checkout-basket");

        typeNumber(DEMO_PHONE);
        wait.until(d -> ui.text("checkout-heading").equals("Approve on your phone"));
        assertFalse(ui.present("checkout-return"));
        // the challenge reaches the demo customer's handset; the page waits
        accord.awaitShell("accord:purchase-show " + c.id, "CHALLENGED");
        ui.screenshot("checkout-approve-on-phone");

        // the handset approves: the page, untouched, learns it by push
        long t0 = System.nanoTime();
        accord.operator("accord:handset-answer " + DEMO_PHONE + " approve");
        wait.until(d -> ui.present("checkout-return") && ui.text("checkout-heading").equals("Payment approved"));
        System.out.println("checkout-browser: approval shown " + (System.nanoTime() - t0) / 1_000_000
                + " ms after the handset answered");
        ui.screenshot("checkout-approved");
        awaitReturn(c.id, "approved");
        assertTrue(get("/v1/purchases/" + c.id).body().contains("\"state\":\"in_escrow\""));
    }

    @Test
    public void b_aDeclineOnThePhoneIsShownAndTheBuyerGoesBackToTheShop() throws Exception {
        Checkout c = hostedCheckout("B-BOOK-" + RUN);
        browser.get(c.url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkout-phone")));
        typeNumber(DEMO_PHONE);
        wait.until(d -> ui.text("checkout-heading").equals("Approve on your phone"));
        accord.awaitShell("accord:purchase-show " + c.id, "CHALLENGED");
        accord.operator("accord:handset-answer " + DEMO_PHONE + " decline");
        wait.until(d -> ui.present("checkout-return") && ui.text("checkout-heading").equals("Payment declined"));
        ui.screenshot("checkout-declined");
        awaitReturn(c.id, "declined");
    }

    @Test
    public void d_anUnenrolledNumberGetsTheSamePageAsAnEnrolledOneAndBothExpire() throws Exception {
        Checkout enrolled = hostedCheckout("C-ENROLLED-" + RUN);
        Checkout nobody = hostedCheckout("C-NOBODY-" + RUN);

        browser.get(enrolled.url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkout-phone")));
        long t0 = System.nanoTime();
        typeNumber(DEMO_PHONE);
        wait.until(d -> ui.text("checkout-heading").equals("Approve on your phone"));
        long enrolledMillis = (System.nanoTime() - t0) / 1_000_000;
        accord.awaitShell("accord:purchase-show " + enrolled.id, "CHALLENGED");
        String enrolledPage = ui.pageText().replace(enrolled.order, "ORDER");

        browser.get(nobody.url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkout-phone")));
        t0 = System.nanoTime();
        typeNumber(NOBODY);
        wait.until(d -> ui.text("checkout-heading").equals("Approve on your phone"));
        long nobodyMillis = (System.nanoTime() - t0) / 1_000_000;
        ui.awaitVaadinIdle();
        String nobodyPage = ui.pageText().replace(nobody.order, "ORDER");
        System.out.println("checkout-browser: answer shown in " + enrolledMillis + " ms (enrolled number), "
                + nobodyMillis + " ms (number of nobody)");
        assertEquals("the same page whether the number is enrolled or not", enrolledPage, nobodyPage);
        // and the page does not come back to ask: a reload shows the same
        browser.navigate().refresh();
        wait.until(d -> ui.present("checkout-heading") && ui.text("checkout-heading").equals("Approve on your phone"));
        assertTrue(browser.findElements(By.id("checkout-phone")).stream().noneMatch(WebElement::isDisplayed));

        // nobody approves: 16 minutes later (Accord's clock) the checkout has expired, shown by push
        accord.operator("accord:clock-advance PT16M");
        clockOffset = clockOffset.plusMinutes(16);
        wait.until(d -> ui.present("checkout-return") && ui.text("checkout-heading").equals("Payment expired"));
        ui.screenshot("checkout-expired");
        awaitReturn(nobody.id, "expired");
        accord.awaitShell("accord:purchase-show " + enrolled.id, "EXPIRED");
    }

    @Test
    public void c_anUnknownOrMalformedTokenGetsAPageThatSaysNothingMore() throws Exception {
        Checkout real = hostedCheckout("D-BOOK-" + RUN);
        String forged = real.url.substring(0, real.url.lastIndexOf('/') + 1)
                + (real.url.charAt(real.url.length() - 1) == 'A' ? "B" : "A").repeat(43);
        for (String url : new String[] {forged, accord.consoleBase() + "checkout/short"}) {
            browser.get(url);
            wait.until(d -> ui.present("checkout-unknown") || ui.pageText().contains("Could not navigate"));
            ui.awaitVaadinIdle();
            String page = ui.pageText();
            assertFalse(url + ": " + page, page.contains("Demo Shop") || page.contains("EUR"));
            assertFalse(ui.present("checkout-phone"));
        }
        browser.get(forged);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkout-unknown")));
        assertEquals("This payment link is not valid. Go back to the shop and start the payment again.",
                ui.text("checkout-unknown"));
        ui.screenshot("checkout-unknown");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A hosted checkout created by the demo merchant: its id, order reference and checkout URL. */
    private record Checkout(String id, String order, String url) {
    }

    private static Checkout hostedCheckout(String order) throws Exception {
        HttpResponse<String> created = post("/v1/purchases", "{\"checkout\":\"hosted\",\"items\":["
                + "{\"name\":\"Book\",\"unit_price\":1250,\"quantity\":2},"
                + "{\"name\":\"Tea\",\"unit_price\":300,\"quantity\":1}],\"currency\":\"EUR\","
                + "\"merchant_order_ref\":\"" + order + "\",\"return_url\":\"" + returnUrl + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        return new Checkout(match(ID, created.body()), order, match(CHECKOUT_URL, created.body()));
    }

    private static void typeNumber(String phone) {
        ui.awaitVaadinIdle();
        WebElement input = browser.findElement(By.cssSelector("#checkout-phone input"));
        input.clear();
        input.sendKeys(phone);
        browser.findElement(By.id("checkout-submit")).click();
    }

    /** Waits until the page has sent the browser to the registered return URL with the purchase and status. */
    private static void awaitReturn(String purchaseId, String status) {
        String expected = returnUrl + "?purchase=" + purchaseId + "&status=" + status;
        wait.until(d -> expected.equals(d.getCurrentUrl()));
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return api.send(SignedApi.signed(accord.apiBase(), keyId, key, "POST", path, body,
                UUID.randomUUID().toString(), Instant.now().plus(clockOffset).toString()), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return api.send(SignedApi.signed(accord.apiBase(), keyId, key, "GET", path, "", null,
                Instant.now().plus(clockOffset).toString()), HttpResponse.BodyHandlers.ofString());
    }

    private static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertTrue(body, m.find());
        return m.group(1);
    }
}
