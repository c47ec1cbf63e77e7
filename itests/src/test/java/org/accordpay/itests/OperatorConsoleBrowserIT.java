package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accordpay.crypto.Totp;
import org.accordpay.itests.support.AccordProcess;
import org.accordpay.itests.support.ConsoleBrowser;
import org.accordpay.itests.support.SmscHandsets;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real browser against the distribution running as a separate process:
 * sign-in with password and TOTP code (computed from the otpauth URI printed by
 * {@code accord:operator-add} and Accord's clock), the views, roles, audited actions, operator routes
 * absent from the public console port, and a carrier swap done from the browser while purchases run:
 * the SMPP carrier (a test SMSC in this JVM, the loopback handsets behind it) is installed, then
 * uninstalled, and every purchase completes, debited once.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OperatorConsoleBrowserIT {

    private static final String DEMO_PHONE = "+33612345678";
    private static final String DEMO_IBAN = "FR1420041010050500013M02606";
    private static final String SMPP_ID = "it-smpp";
    private static final String SMPP_FEATURE = "accord-carrier-smpp";
    private static final String NOT_RECOGNISED = "Wrong login, password or code.";
    private static final Duration SHELL = Duration.ofSeconds(60);
    private static final Pattern PURCHASE_ID = Pattern.compile("(pur_\\S+)");

    private static AccordProcess accord;
    private static SmscHandsets smsc;
    private static ConsoleBrowser ui;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String operatorBase;
    private static String publicBase;
    private static Account admin;
    private static Account viewer;

    /** An operator account as printed once by {@code accord:operator-add}. */
    private record Account(String login, String password, byte[] secret) {
    }

    @BeforeClass
    public static void startAccordSmscAndBrowser() throws Exception {
        long t0 = System.nanoTime();
        ui = ConsoleBrowser.start();
        browser = ui.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));
        accord = AccordProcess.unpack("operator-browser");
        // the handsets of the loopback carrier behind a test SMSC in this JVM, reached through the shell
        smsc = new SmscHandsets(OperatorConsoleBrowserIT::answerThroughShell);
        // the demo number's operator is served by the SMPP carrier once it is installed, by loopback before
        accord.configure("org.accordpay.routing.cfg", "ranges", "+336=it-mobile");
        accord.configure("org.accordpay.routing.cfg", "operators", "it-mobile=" + SMPP_ID);
        accord.configure("org.accordpay.routing.cfg", "fallback", "loopback");
        accord.configure("org.accordpay.routing.cfg", "cap.number.per.hour", "0");
        accord.configure("org.accordpay.routing.cfg", "cap.number.per.day", "0");
        accord.configure("org.accordpay.routing.cfg", "cap.subscriber.per.hour", "0");
        String smppCfg = "org.accordpay.carrier.smpp-it.cfg";
        accord.configure(smppCfg, "id", SMPP_ID);
        accord.configure(smppCfg, "host", "127.0.0.1");
        accord.configure(smppCfg, "port", String.valueOf(smsc.port()));
        accord.configure(smppCfg, "system.id", "accord");
        accord.configure(smppCfg, "test", "true");
        // codes are computed from Accord's clock, moved forward between two sign-ins of one operator
        accord.configure("org.accordpay.time.cfg", "adjustable", "true");
        accord.start();
        Duration ready = accord.awaitReady(Duration.ofSeconds(300));
        operatorBase = "http://127.0.0.1:" + accord.operatorPort() + "/";
        publicBase = accord.consoleBase();
        System.out.println("accord: READY in " + ready.toMillis() + " ms");
        admin = account(shell("accord:operator-add --role admin alice"), "alice");
        viewer = account(shell("accord:operator-add --role viewer bob"), "bob");
        System.out.println("operator-browser: set up in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @AfterClass
    public static void stopAll() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            try {
                if (accord != null) {
                    accord.close();
                }
            } finally {
                if (smsc != null) {
                    smsc.close();
                }
            }
        }
    }

    @Before
    public void signedOut() {
        browser.get(operatorBase + "login");
        browser.manage().deleteAllCookies();
    }

    @Test
    public void a_operatorSignsInWithPasswordAndCodeAndTheFiguresArePushed() throws Exception {
        browser.get(operatorBase);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operator-login-view")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/login"));
        screenshot("operator-signin");

        // the right password with a wrong code, then a code of another account: refused, same words
        Instant now = accordNow();
        String good = Totp.code(admin.secret(), Totp.step(now));
        signIn(admin.login(), admin.password(), good.equals("000000") ? "111111" : "000000");
        awaitError(NOT_RECOGNISED);
        signIn(admin.login(), admin.password(), Totp.code(viewer.secret(), Totp.step(now)));
        awaitError(NOT_RECOGNISED);
        signIn(admin.login(), "not-the-password", good);
        awaitError(NOT_RECOGNISED);

        signIn(admin.login(), admin.password(), good);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("carriers-view")));
        assertEquals("Signed in: alice (admin)", text("signed-in-as"));
        wait.until(d -> grid("carriers-grid").containsAll(List.of("loopback", "healthy")));
        assertTrue(grid("carriers-grid").toString(), grid("carriers-grid").containsAll(List.of(SMPP_ID, "not installed")));
        wait.until(d -> text("outbox-waiting").startsWith("Waiting: "));
        // server push: the figures change while the operator does nothing
        String first = text("figures-updated");
        wait.until(d -> !text("figures-updated").equals(first));
        assertTrue(browser.findElement(By.id("rate-plot")).getDomAttribute("src").startsWith("data:image/svg+xml"));
        screenshot("operator-carriers");

        // the code just used is refused a second time, even with the right password
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operator-login-view")));
        signIn(admin.login(), admin.password(), good);
        awaitError(NOT_RECOGNISED);
        assertTrue(shell("accord:operator-list").contains("alice"));
    }

    @Test
    public void b_operatorRoutesDoNotAnswerOnThePublicConsolePort() throws Exception {
        for (String path : List.of("", "features", "merchants", "customers", "audit")) {
            browser.get(publicBase + path);
            ui.awaitVaadinIdle();
            assertTrue(path, browser.findElements(By.id("operator-login-view")).isEmpty());
            for (String view : List.of("carriers-view", "features-view", "merchants-view", "customers-view",
                    "audit-view")) {
                assertTrue(path + " shows " + view, browser.findElements(By.id(view)).isEmpty());
            }
        }
        browser.get(publicBase + "features");
        wait.until(d -> pageText().contains("Could not navigate"));
        // and the customer sign-in is not on the operator port
        browser.get(operatorBase + "login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operator-login-view")));
        assertTrue(browser.findElements(By.id("login-phone")).isEmpty());
        // the operator console binds the loopback address only, on its own port
        assertEquals("127.0.0.1", URI.create(operatorBase).getHost());
    }

    @Test
    public void c_viewerLooksButCannotAct() throws Exception {
        signInNow(viewer);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("carriers-view")));
        assertEquals("Signed in: bob (viewer)", text("signed-in-as"));
        browser.findElement(By.id("nav-features")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("install-" + SMPP_FEATURE)));
        assertFalse(ui.enabled("install-" + SMPP_FEATURE));
        assertFalse(ui.enabled("uninstall-accord-carrier-loopback"));
        browser.findElement(By.id("nav-merchants")).click();
        wait.until(d -> grid("merchants-grid").contains("Demo Shop"));
        assertTrue(browser.findElements(By.id("merchant-suspend")).stream().noneMatch(WebElement::isDisplayed));
        browser.findElement(By.id("nav-audit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("audit-verify"))).click();
        wait.until(d -> text("audit-verdict").startsWith("VALID"));
    }

    @Test
    public void d_adminSuspendsAndReinstatesAMerchantWithAReasonAndVerifiesTheAudit() throws Exception {
        signInNow(admin);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("carriers-view")));
        browser.findElement(By.id("nav-merchants")).click();
        wait.until(d -> grid("merchants-grid").contains("Demo Shop"));
        assertTrue(grid("merchants-grid").toString(), grid("merchants-grid").contains("admitted"));
        browser.findElement(cell("Demo Shop")).click();
        // no reason: refused, nothing changes
        browser.findElement(By.id("merchant-suspend")).click();
        wait.until(d -> pageText().contains("Give a reason"));
        assertTrue(grid("merchants-grid").contains("admitted"));
        type("merchant-reason", "chargeback review IT");
        browser.findElement(By.id("merchant-suspend")).click();
        wait.until(d -> grid("merchants-grid").contains("suspended"));
        screenshot("operator-merchants");
        String merchant = shell("accord:merchant-list");
        assertTrue(merchant, merchant.contains("SUSPENDED"));
        browser.findElement(cell("Demo Shop")).click();
        type("merchant-reason", "review closed IT");
        browser.findElement(By.id("merchant-reinstate")).click();
        wait.until(d -> grid("merchants-grid").contains("admitted"));
        String id = field(shell("accord:merchant-list"), "m-");
        String decisions = shell("accord:merchant-show " + id);
        assertTrue(decisions, decisions.contains("alice") && decisions.contains("chargeback review IT")
                && decisions.contains("review closed IT"));

        browser.findElement(By.id("nav-customers")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customers-grid")));
        screenshot("operator-customers");

        browser.findElement(By.id("nav-audit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("audit-verify"))).click();
        wait.until(d -> text("audit-verdict").startsWith("VALID"));
        screenshot("operator-audit");
    }

    @Test
    public void e_carrierSwappedFromTheBrowserWhilePurchasesRun() throws Exception {
        long balanceBefore = balance(DEMO_IBAN);
        signInNow(admin);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("carriers-view")));
        Traffic traffic = new Traffic();
        Thread loop = new Thread(traffic, "it-purchases");
        loop.start();
        try {
            awaitCompleted(traffic, 2);

            // install the SMPP carrier from the browser: the demo number's traffic goes through the SMSC
            browser.findElement(By.id("nav-features")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("install-" + SMPP_FEATURE))).click();
            wait.until(d -> !browser.findElements(By.id("uninstall-" + SMPP_FEATURE)).isEmpty());
            screenshot("operator-features");
            browser.findElement(By.id("nav-carriers")).click();
            wait.until(d -> grid("carriers-grid").containsAll(List.of(SMPP_ID, "healthy")));
            long through = smsc.answered();
            // each answer through the SMSC costs a shell round trip to the handset in Accord: slow, so two
            new WebDriverWait(browser, Duration.ofSeconds(420), Duration.ofMillis(500))
                    .until(d -> smsc.answered() >= through + 2 || !traffic.failures.isEmpty());
            assertTrue(traffic.failures.toString(), traffic.failures.isEmpty());
            int beforeRemoval = traffic.requested.size();

            // and remove it again: the loopback carrier takes the traffic back
            browser.findElement(By.id("nav-features")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("uninstall-" + SMPP_FEATURE))).click();
            wait.until(d -> !browser.findElements(By.id("install-" + SMPP_FEATURE)).isEmpty());
            awaitCompleted(traffic, beforeRemoval + 2);
        } finally {
            traffic.running.set(false);
            loop.join(180_000);
        }
        assertTrue("no purchase request failed: " + traffic.failures, traffic.failures.isEmpty());
        // every purchase completes, and once: in escrow, and the customer's account debited by their sum exactly
        Map<String, String> states = states();
        for (String id : traffic.requested) {
            assertEquals(id, "IN_ESCROW", states.get(id));
        }
        assertEquals(balanceBefore - 1250L * traffic.requested.size(), balance(DEMO_IBAN));
        assertTrue(shell("accord:reconcile").contains("RECONCILED"));
        System.out.println("carrier swap from the browser: " + traffic.requested.size() + " purchases, "
                + smsc.answered() + " answers through the SMSC");
    }

    // ---- traffic ------------------------------------------------------------------------------

    /** Purchases requested one after another through the shell, each waited for before the next. */
    private static final class Traffic implements Runnable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> requested = new CopyOnWriteArrayList<>();
        final Map<String, Boolean> completed = new ConcurrentHashMap<>();
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void run() {
            int n = 0;
            while (running.get()) {
                try {
                    String out = accord.shell("accord:purchase-request --merchant \"Demo Shop\" --phone " + DEMO_PHONE
                            + " --country FR --order SWAP-" + (++n) + " \"Pencil:12.50:1\"", SHELL);
                    Matcher m = PURCHASE_ID.matcher(out);
                    if (!m.find()) {
                        failures.add(out);
                        continue;
                    }
                    String id = m.group(1);
                    requested.add(id);
                    Instant deadline = Instant.now().plusSeconds(240);
                    while (Instant.now().isBefore(deadline) && !accord.shell("accord:purchase-list --limit 500", SHELL)
                            .contains(id + " IN_ESCROW")) {
                        Thread.sleep(300);
                    }
                    if (accord.shell("accord:purchase-list --limit 500", SHELL).contains(id + " IN_ESCROW")) {
                        completed.put(id, true);
                    } else {
                        failures.add(id + " not in escrow within 240 s");
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }
    }

    private static void awaitCompleted(Traffic traffic, int count) {
        new WebDriverWait(browser, Duration.ofSeconds(300), Duration.ofMillis(500))
                .until(d -> traffic.completed.size() >= count || !traffic.failures.isEmpty());
        assertTrue(traffic.failures.toString(), traffic.failures.isEmpty());
    }

    /** A challenge that reached the SMSC is handed to the loopback handset in Accord, its answer read back. */
    private static Optional<byte[]> answerThroughShell(String phone, String messageId, byte[] challenge)
            throws Exception {
        String out = accord.shell("accord:handset-receive " + phone + " " + messageId + " "
                + HexFormat.of().formatHex(challenge), SHELL);
        Matcher m = Pattern.compile("answer: ([0-9a-f]+)").matcher(out);
        return m.find() ? Optional.of(HexFormat.of().parseHex(m.group(1))) : Optional.empty();
    }

    private static Map<String, String> states() throws Exception {
        Map<String, String> states = new ConcurrentHashMap<>();
        for (String line : shell("accord:purchase-list --limit 500").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 1 && f[0].startsWith("pur_")) {
                states.put(f[0], f[1]);
            }
        }
        return states;
    }

    private static long balance(String iban) throws Exception {
        for (String line : shell("accord:bank-accounts").split("\n")) {
            if (line.startsWith(iban)) {
                String[] f = line.trim().split("\\s+");
                return Long.parseLong(f[3]);
            }
        }
        throw new AssertionError("no account " + iban);
    }

    // ---- browser ------------------------------------------------------------------------------

    /** Moves Accord's clock past the steps already used, then signs in with the code of the new step. */
    private static void signInNow(Account account) throws Exception {
        shell("accord:clock-advance PT1M");
        signIn(account.login(), account.password(), Totp.code(account.secret(), Totp.step(accordNow())));
    }

    private static void signIn(String login, String password, String code) {
        browser.get(operatorBase + "login");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-name input")));
        ui.awaitVaadinIdle();
        name.clear();
        name.sendKeys(login);
        browser.findElement(By.cssSelector("#login-password input")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-code input")).sendKeys(code);
        browser.findElement(By.id("login-submit")).click();
    }

    private static void awaitError(String message) {
        wait.until(d -> d.findElement(By.id("login-error")).isDisplayed()
                && d.findElement(By.id("login-error")).getText().trim().equals(message));
        ui.awaitVaadinIdle();
    }

    private static void type(String fieldId, String value) {
        WebElement input = browser.findElement(By.cssSelector("#" + fieldId + " input"));
        input.clear();
        input.sendKeys(value);
    }

    private static List<String> grid(String id) {
        return ui.gridTexts(id);
    }

    private static By cell(String textContent) {
        return By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + textContent + "']");
    }

    private static String text(String id) {
        return ui.text(id);
    }

    private static String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static void screenshot(String name) throws Exception {
        ui.screenshot(name);
    }

    // ---- operator shell -----------------------------------------------------------------------

    private static String shell(String command) throws Exception {
        String out = accord.shell(command, SHELL);
        if (out.contains("Error executing command") || out.contains("Command not found")) {
            throw new AssertionError(command + ":\n" + out);
        }
        return out;
    }

    /** @return Accord's clock, from {@code accord:status} */
    private static Instant accordNow() throws Exception {
        return Instant.parse(field(shell("accord:status"), "clock"));
    }

    private static Account account(String printed, String login) {
        Matcher secret = Pattern.compile("secret=([A-Z2-7]+)").matcher(printed);
        assertTrue(printed, secret.find());
        return new Account(login, field(printed, "password"), Totp.fromBase32(secret.group(1)));
    }

    /** @return the value of a "name : value" line, or the first word starting with {@code name} when it ends with '-' */
    private static String field(String output, String name) {
        Matcher m = name.endsWith("-") ? Pattern.compile("(?m)^(" + Pattern.quote(name) + "\\S+)").matcher(output)
                : Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s*:\\s*(\\S+)").matcher(output);
        assertTrue(name + " in\n" + output, m.find());
        return m.group(1);
    }
}
