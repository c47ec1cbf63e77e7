package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.itests.support.AccordProcess;
import org.accordpay.itests.support.MariaDb;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * Crash safety on MariaDB with the distribution as a separate process, driven through the
 * operator shell: one purchase goes through every money step while the process is halted at each
 * named fault point in turn (after the outbox write, after the debit request, on the bank's
 * answer, after the escrow posting, mid-refund, mid-payout) and restarted. At the end the purchase
 * is settled once: the ledger bank's own books show one debit, one refund and one payout, and
 * Accord's books balance and reconcile.
 */
@org.junit.FixMethodOrder(org.junit.runners.MethodSorters.NAME_ASCENDING)
public class CrashSafetyIT {

    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration SHELL = Duration.ofSeconds(30);
    private static final String CUSTOMER_IBAN = "FR1420041010050500013M02606";
    private static final String MERCHANT_IBAN = "DE89370400440532013000";

    private static AccordProcess accord;
    private static String storeUrl;

    @AfterClass
    public static void stop() throws Exception {
        if (accord != null) {
            accord.close();
        }
    }

    @Test
    public void a_aPurchaseCrashedAtEveryMoneyStepIsSettledExactlyOnce() throws Exception {
        accord = AccordProcess.unpack("crash-safety");
        configure();

        // crash 1: the purchase and its challenge message committed, the message not sent yet
        startWith("payments.outbox.written");
        awaitDemoData();
        shellMayDie("accord:purchase-request --merchant \"Demo Shop\" --phone +33612345678 --country FR"
                + " \"Crash-proof kettle:40.00\"");
        awaitHalt("payments.outbox.written");

        // crash 2: on restart the challenge goes out, the handset approves, the debit is handed to the bank
        startWith("payments.debit.submitted");
        awaitHalt("payments.debit.submitted");
        String purchase = onlyPurchase();

        // crash 3: the bank's answer arrives (the same debit was submitted again: the bank knows the key)
        startWith("payments.bank-answer.received");
        awaitHalt("payments.bank-answer.received");

        // crash 4: the answer is applied and the escrow posted, but the bank is not acknowledged
        startWith("payments.escrow.posted");
        awaitHalt("payments.escrow.posted");

        // crash 5: the bank's repeated answer changes nothing; a refund is handed to the bank
        startWith("payments.refund.submitted");
        awaitState(purchase, "IN_ESCROW");
        shellMayDie("accord:purchase-refund " + purchase + " 5.00 scratched lid");
        awaitHalt("payments.refund.submitted");

        // crash 6: shipped, delivered by the courier, the payout handed to the bank
        startWith("payments.payout.submitted");
        awaitShell("accord:purchase-ship " + purchase + " loopback-courier TRK-CRASH", "SHIPPED");
        awaitShellMayDie("accord:courier-deliver TRK-CRASH");
        awaitHalt("payments.payout.submitted");

        // no more faults: everything pending completes
        accord.start();
        accord.awaitReady(BOOT);
        awaitState(purchase, "SETTLED");

        String statement = waitForShell("accord:bank-statement", s -> count(s, "dbt-" + purchase) == 1
                && count(s, "rfd-" + purchase) == 1 && count(s, "pay-" + purchase) == 1);
        assertEquals(statement, 1, count(statement, "dbt-" + purchase));
        String accounts = accord.shell("accord:bank-accounts", SHELL);
        // the ledger bank's own books: 1000.00 - 40.00 + 5.00 for the customer; 35.00 less 1% for the merchant
        assertTrue(accounts, line(accounts, CUSTOMER_IBAN).matches(".*\\b(96500|965\\.00)\\b.*"));
        assertTrue(accounts, line(accounts, MERCHANT_IBAN).matches(".*\\b(3465|34\\.65)\\b.*"));
        String reconcile = waitForShell("accord:reconcile", s -> s.startsWith("RECONCILED"));
        assertTrue(reconcile, reconcile.contains("in flight : 0"));
        assertTrue(accord.shell("accord:books", SHELL).contains("BALANCED"));
        String audit = accord.shell("accord:audit-verify", SHELL);
        assertTrue(audit, audit.contains("VALID") && !audit.contains("INVALID"));
    }

    /**
     * The ledger bank bundle is updated, uninstalled and installed again from the shell while
     * purchases run: every purchase is settled, none is debited or paid out twice.
     */
    @Test
    public void b_theBankBundleIsSwappedWhilePurchasesRun() throws Exception {
        assertTrue("runs after the crash test, on the same process", accord != null && accord.isAlive());
        String bundles = accord.shell("bundle:list -t 0 --no-format", SHELL);
        String bankLine = line(bundles, "Accord :: Bank Ledger");
        Matcher idMatch = Pattern.compile("^\\s*(\\d+)").matcher(bankLine);
        assertTrue(bankLine, idMatch.find());
        String bankId = idMatch.group(1);
        java.util.List<String> ids = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        long started = System.nanoTime();
        Thread shopper = new Thread(() -> {
            try {
                for (int i = 1; i <= 5; i++) {
                    String out = accord.shell("accord:purchase-request --merchant \"Demo Shop\" --phone +33612345678"
                            + " --country FR \"Swap test " + i + ":1" + i + ".00\"", SHELL);
                    Matcher m = Pattern.compile("(pur_[0-9a-f]+)").matcher(out);
                    assertTrue(out, m.find());
                    ids.add(m.group(1));
                    awaitStateOnly(m.group(1), "IN_ESCROW");
                    accord.shell("accord:purchase-deliver " + m.group(1), SHELL);
                    awaitStateOnly(m.group(1), "SETTLED");
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "shopper");
        shopper.start();
        Thread.sleep(2000);
        assertCommandOk(accord.shell("bundle:update " + bankId, SHELL));
        Thread.sleep(2000);
        assertCommandOk(accord.shell("bundle:uninstall " + bankId, SHELL));
        assertFalse("the bank bundle is gone", accord.shell("bundle:list -t 0 --no-format", SHELL)
                .contains("Accord :: Bank Ledger"));
        Thread.sleep(3000);
        String installed = accord.shell("bundle:install -s mvn:org.accordpay/accord-bank-ledger/"
                + System.getProperty("accord.version"), SHELL);
        assertCommandOk(installed);
        assertFalse("a new bundle: " + installed, installed.contains("Bundle ID: " + bankId + "\n")
                || installed.trim().endsWith("Bundle ID: " + bankId));
        shopper.join(Duration.ofMinutes(5).toMillis());
        if (failure.get() != null) {
            throw new AssertionError("purchases while the bank was swapped: " + failure.get(), failure.get());
        }
        assertEquals(5, ids.size());
        System.out.println("accord: 5 purchases settled across a bank swap in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        String statement = accord.shell("accord:bank-statement", SHELL);
        for (String id : ids) {
            assertEquals(statement, 1, count(statement, "dbt-" + id));
            assertEquals(statement, 1, count(statement, "pay-" + id));
        }
        String reconcile = waitForShell("accord:reconcile", s -> s.startsWith("RECONCILED"));
        assertTrue(reconcile, reconcile.contains("in flight : 0"));
        assertTrue(accord.shell("accord:books", SHELL).contains("BALANCED"));
    }

    private static void assertCommandOk(String output) {
        assertFalse(output, output.contains("Error") || output.contains("rror executing"));
    }

    private static void awaitStateOnly(String purchase, String state) throws Exception {
        waitForShell("accord:purchase-show " + purchase, s -> s.contains("state     : " + state));
    }

    private static void configure() throws IOException {
        storeUrl = MariaDb.createFreshDatabase("accord_crash");
        accord.configure("org.accordpay.store.cfg", "url", storeUrl);
        accord.configure("org.accordpay.store.cfg", "user", MariaDb.USER);
        accord.configure("org.accordpay.store.cfg", "password", MariaDb.PASSWORD);
        accord.configure("org.accordpay.bank.ledger.cfg", "url", MariaDb.createFreshDatabase("accord_crashbank"));
        accord.configure("org.accordpay.bank.ledger.cfg", "user", MariaDb.USER);
        accord.configure("org.accordpay.bank.ledger.cfg", ".password", MariaDb.PASSWORD);
        accord.configure("org.accordpay.demo.cfg", "any.database", "true");
        accord.configure("org.accordpay.challenge.cfg", "argon2.memory.kib", "64");
        accord.configure("org.accordpay.challenge.cfg", "argon2.iterations", "1");
    }

    private static void startWith(String fault) throws Exception {
        accord.start(Map.of(FaultPoint.PROPERTY, fault));
    }

    private static void awaitHalt(String fault) throws Exception {
        int status = accord.awaitExit(BOOT);
        assertEquals("halted at " + fault + "; log: " + accord.logTail(), FaultPoint.HALT_STATUS, status);
    }

    private static void awaitDemoData() throws Exception {
        accord.awaitReady(BOOT);
        waitForShell("accord:customer-list", s -> s.contains("+33612345678") && s.contains("ACTIVE"));
        waitForShell("accord:merchant-list", s -> s.contains("Demo Shop") && s.contains("ADMITTED"));
    }

    /** Runs a command during which the process may halt at its fault point (the session then dies). */
    private static void shellMayDie(String command) {
        try {
            accord.shell(command, SHELL);
        } catch (IOException | InterruptedException | AssertionError e) {
            // the halt closed the session: expected
        }
    }

    /** Retries a command that may be refused until its precondition holds, tolerating the halt it causes. */
    private static void awaitShellMayDie(String command) throws Exception {
        long deadline = System.nanoTime() + SHELL.toNanos();
        while (System.nanoTime() < deadline && accord.isAlive()) {
            String out;
            try {
                out = accord.shell(command, SHELL);
            } catch (IOException | AssertionError e) {
                return;
            }
            if (!out.contains("Error") && !out.contains("not watched") && !out.contains("Refused")) {
                return;
            }
            Thread.sleep(300);
        }
    }

    private static void awaitShell(String command, String expected) throws Exception {
        accord.awaitReady(BOOT);
        String out = waitForShell(command, s -> s.contains(expected));
        assertTrue(out, out.contains(expected));
    }

    private static void awaitState(String purchase, String state) throws Exception {
        accord.awaitReady(BOOT);
        waitForShell("accord:purchase-show " + purchase, s -> s.contains("state     : " + state));
    }

    private static String waitForShell(String command, java.util.function.Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String out = "";
        while (System.nanoTime() < deadline) {
            out = accord.shell(command, SHELL);
            if (done.test(out)) {
                return out;
            }
            Thread.sleep(500);
        }
        fail("'" + command + "' never gave what was expected; last output:\n" + out + "\nlog: " + accord.logTail());
        return out;
    }

    /** Reads the purchase id straight from Accord's database: starting Accord now would move it on. */
    private static String onlyPurchase() throws Exception {
        try (var c = java.sql.DriverManager.getConnection(storeUrl, MariaDb.USER, MariaDb.PASSWORD);
                var rs = c.createStatement().executeQuery("select id from purchase")) {
            assertTrue("one purchase in the database", rs.next());
            return rs.getString(1);
        }
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            n++;
        }
        return n;
    }

    private static String line(String text, String token) {
        return text.lines().filter(l -> l.contains(token)).findFirst().orElse("(no line with " + token + ")");
    }
}
