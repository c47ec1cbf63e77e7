package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.audit.dto.AuditVerification;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Books;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.purchase.dto.ReconciliationReport;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.bank.ledger.LedgerBank;
import org.accordpay.carrier.loopback.HandsetPolicy;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.accordpay.courier.loopback.LoopbackShipments;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

/**
 * The purchase of the patent, steps 1 to 10 and every exit, inside the distribution: the real
 * registry, challenge engine, payments, ledger bank, loopback carrier with simulated handsets and
 * loopback courier. After each scenario Accord's books balance, reconcile with the ledger bank's
 * own books, and the audit chain verifies.
 */
public abstract class AbstractPurchaseFlowIT extends AbstractDistributionIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    @Filter(timeout = 90_000)
    protected PurchaseService purchases;

    @Inject
    @Filter(timeout = 90_000)
    protected Books books;

    @Inject
    protected CustomerRegistry customers;

    @Inject
    protected MerchantRegistry merchants;

    @Inject
    @Filter(timeout = 90_000)
    protected LedgerBank bank;

    @Inject
    @Filter(timeout = 90_000)
    protected SimulatedHandsets handsets;

    @Inject
    @Filter(timeout = 90_000)
    protected LoopbackShipments courier;

    @Inject
    @Filter(timeout = 90_000)
    protected AuditTrail audit;

    @Inject
    @Filter(timeout = 90_000)
    protected org.accordpay.api.webhook.WebhookEndpoints webhooks;

    /** A customer enrolled through the real flow, with a simulated handset and a funded bank account. */
    protected record Shopper(Customer customer, String phone, String iban) {
    }

    @Test
    public void happyPathFromRequestToPayout() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(50_000);
        Purchase p = request(merchant, shopper, 1250, 1250, 300);
        assertEquals(PurchaseState.CHALLENGED, p.state());
        assertEquals(Money.of(2800, "EUR"), p.total());

        Purchase paid = await(p, PurchaseState.IN_ESCROW);
        assertNotNull("step 7: the merchant gets the delivery address once paid", paid.deliveryAddress());
        assertEquals(Money.of(50_000 - 2800, "EUR"), bank.balance(shopper.iban(), "EUR"));
        List<MerchantEvent> events = purchases.merchantEvents(merchant.id(), 0, 100);
        assertTrue(events.toString(), events.stream().anyMatch(e -> e.type().equals("purchase.in_escrow")
                && e.json().contains("delivery_address")));
        assertTrue("step 6: the customer is told",
                waitFor(() -> handsets.inbox(shopper.phone()).stream().anyMatch(m -> m.text().contains("28.00 EUR"))));

        purchases.markShipped(merchant.id(), p.id(), "loopback-courier", "TRK-" + p.id());
        assertTrue("the loopback courier watches the shipment",
                waitFor(() -> courier.find("TRK-" + p.id()).isPresent()));
        assertTrue(courier.deliver("TRK-" + p.id(), true, "left with the neighbour"));
        await(p, PurchaseState.SETTLED);
        assertEquals("merchant paid the total less the 1% fee", Money.of(2800 - 28, "EUR"),
                bank.balance(merchant.bankAccount().iban(), "EUR"));
        assertBooksHold();
    }

    @Test
    public void declinedOnTheHandset() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        handsets.setPolicy(shopper.phone(), HandsetPolicy.DECLINE);
        Purchase p = await(request(merchant, shopper, 999), PurchaseState.DECLINED);
        assertEquals(Money.of(10_000, "EUR"), bank.balance(shopper.iban(), "EUR"));
        assertBooksHold();
    }

    @Test
    public void fiveWrongPinsLockTheCustomerUntilAnOperatorUnlocks() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        handsets.setPolicy(shopper.phone(), HandsetPolicy.WRONG_PIN);
        for (int i = 1; i <= 4; i++) {
            await(request(merchant, shopper, 100), PurchaseState.DECLINED);
        }
        await(request(merchant, shopper, 100), PurchaseState.LOCKED);
        assertRefused("customer-locked", () -> request(merchant, shopper, 100));
        customers.unlock(shopper.customer().id(), "it-operator", "identity checked on the phone");
        handsets.setPolicy(shopper.phone(), HandsetPolicy.APPROVE);
        await(request(merchant, shopper, 100), PurchaseState.IN_ESCROW);
        assertBooksHold();
    }

    @Test
    public void anUnansweredChallengeExpires() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        handsets.setPolicy(shopper.phone(), HandsetPolicy.IGNORE);
        Purchase p = request(merchant, shopper, 500);
        clockControl.advance(Duration.ofMinutes(4));
        await(p, PurchaseState.EXPIRED);
        assertBooksHold();
    }

    @Test
    public void insufficientFundsFailTheDebit() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(1_000);
        Purchase failed = await(request(merchant, shopper, 5_000), PurchaseState.DEBIT_FAILED);
        assertTrue(failed.reason(), failed.reason().contains("INSUFFICIENT_FUNDS"));
        assertEquals(Money.of(1_000, "EUR"), bank.balance(shopper.iban(), "EUR"));
        assertBooksHold();
    }

    @Test
    public void aBankThatIsDownIsAskedAgainWhenBack() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        bank.setAvailable(false);
        Purchase p;
        try {
            p = await(request(merchant, shopper, 700), PurchaseState.DEBIT_PENDING);
            Thread.sleep(1500);
            assertEquals(PurchaseState.DEBIT_PENDING, purchases.find(p.id()).orElseThrow().state());
        } finally {
            bank.setAvailable(true);
        }
        clockControl.advance(Duration.ofMinutes(10));
        await(p, PurchaseState.IN_ESCROW);
        assertEquals(Money.of(10_000 - 700, "EUR"), bank.balance(shopper.iban(), "EUR"));
        assertBooksHold();
    }

    @Test
    public void aDebitReturnedAfterEscrowEndsThePurchase() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        Purchase p = await(request(merchant, shopper, 1_200), PurchaseState.IN_ESCROW);
        bank.returnDebit("dbt-" + p.id(), RefusalReason.MANDATE_INVALID);
        await(p, PurchaseState.DEBIT_RETURNED);
        assertEquals(Money.of(10_000, "EUR"), bank.balance(shopper.iban(), "EUR"));
        assertBooksHold();
    }

    @Test
    public void cancelledAndRefundedPurchasesGiveTheMoneyBack() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        Purchase cancelled = await(request(merchant, shopper, 2_000), PurchaseState.IN_ESCROW);
        purchases.cancel(merchant.id(), cancelled.id(), "out of stock");
        Purchase partly = await(request(merchant, shopper, 3_000), PurchaseState.IN_ESCROW);
        purchases.refund(merchant.id(), partly.id(), Money.of(1_000, "EUR"), "one item missing");
        Purchase fully = await(request(merchant, shopper, 1_500), PurchaseState.IN_ESCROW);
        purchases.markShipped(merchant.id(), fully.id(), "acme", "T-" + fully.id());
        assertEquals(PurchaseState.REFUNDED,
                purchases.refund(merchant.id(), fully.id(), Money.of(1_500, "EUR"), "returned").state());
        assertTrue(waitFor(() -> bank.balance(shopper.iban(), "EUR").equals(Money.of(10_000 - 2_000, "EUR"))));
        purchases.confirmDelivery(partly.id(), "customer");
        await(partly, PurchaseState.SETTLED);
        assertEquals(Money.of(2_000 - 20, "EUR"), bank.balance(merchant.bankAccount().iban(), "EUR"));
        assertBooksHold();
    }

    @Test
    public void disputesAreResolvedToEitherSide() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        Purchase forCustomer = await(request(merchant, shopper, 1_000), PurchaseState.IN_ESCROW);
        purchases.openDispute(forCustomer.id(), "never arrived");
        assertRefused("disputed", () -> purchases.confirmDelivery(forCustomer.id(), "customer"));
        purchases.resolveDispute(forCustomer.id(), true, "it-operator", "courier lost it");
        Purchase forMerchant = await(request(merchant, shopper, 2_000), PurchaseState.IN_ESCROW);
        purchases.markShipped(merchant.id(), forMerchant.id(), "acme", "T-" + forMerchant.id());
        purchases.openDispute(forMerchant.id(), "wrong colour");
        purchases.resolveDispute(forMerchant.id(), false, "it-operator", "colour as advertised");
        await(forMerchant, PurchaseState.SETTLED);
        assertTrue(waitFor(() -> bank.balance(shopper.iban(), "EUR").equals(Money.of(10_000 - 2_000, "EUR"))));
        assertBooksHold();
    }

    @Test
    public void aMerchantSuspendedWhileTheCustomerDecidesIsNotPaid() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        handsets.setPolicy(shopper.phone(), HandsetPolicy.MANUAL);
        Purchase p = request(merchant, shopper, 800);
        assertTrue(waitFor(() -> handsets.pending(shopper.phone()).isPresent()));
        merchants.suspend(merchant.id(), "it-operator", "chargeback investigation");
        handsets.answer(shopper.phone(), true, null);
        await(p, PurchaseState.CANCELLED);
        assertRefused("merchant-not-admitted", () -> request(merchant, shopper, 800));
        assertEquals(Money.of(10_000, "EUR"), bank.balance(shopper.iban(), "EUR"));
        assertBooksHold();
    }

    @Test
    public void theChallengeCapStopsFloodingAPhone() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        handsets.setPolicy(shopper.phone(), HandsetPolicy.IGNORE);
        for (int i = 0; i < 10; i++) {
            Purchase p = request(merchant, shopper, 100);
            purchases.cancel(merchant.id(), p.id(), "flood test");
        }
        assertRefused("challenge-cap-reached", () -> request(merchant, shopper, 100));
        assertBooksHold();
    }

    @Test
    public void badRequestsAreRefusedAndChangeNothing() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        long before = purchases.listRecent(null, 500).size();
        assertRefused("unknown-merchant", () -> purchases.request(new PurchaseRequest("m-nobody",
                CustomerIdentifier.byPhone(shopper.phone(), "FR"), List.of(new PurchaseItem("x", 100, 1)), "EUR", "o",
                null, Mode.TEST)));
        assertRefused("unknown-customer", () -> purchases.request(new PurchaseRequest(merchant.id(),
                CustomerIdentifier.byPhone("+33699999999", "FR"), List.of(new PurchaseItem("x", 100, 1)), "EUR", "o",
                null, Mode.TEST)));
        assertRefused("invalid-currency", () -> purchases.request(new PurchaseRequest(merchant.id(),
                CustomerIdentifier.byPhone(shopper.phone(), "FR"), List.of(new PurchaseItem("x", 100, 1)), "eur", "o",
                null, Mode.TEST)));
        assertEquals(before, purchases.listRecent(null, 500).size());
        assertBooksHold();
    }

    @Test
    public void webhooksDeliverTheMerchantsEventsSignedAndInOrder() throws Exception {
        Merchant merchant = admittedMerchant();
        Shopper shopper = shopper(10_000);
        try (org.accordpay.itests.support.WebhookReceiver receiver = new org.accordpay.itests.support.WebhookReceiver()) {
            webhooks.register(merchant.id(), receiver.url(), Mode.TEST, 0, "it-operator");
            Purchase p = await(request(merchant, shopper, 900), PurchaseState.IN_ESCROW);
            purchases.cancel(merchant.id(), p.id(), "customer asked");
            assertTrue("both events delivered", waitFor(() -> receiver.bodies().size() >= 2));
            List<String> bodies = receiver.bodies();
            assertTrue(bodies.get(0), bodies.get(0).contains("\"type\":\"purchase.in_escrow\"")
                    && bodies.get(0).contains("delivery_address"));
            assertTrue(bodies.get(1), bodies.get(1).contains("\"type\":\"purchase.cancelled\""));
            String key = webhooks.signingKey();
            byte[] publicKey = java.util.HexFormat.of().parseHex(key.substring(key.indexOf(':') + 1));
            String signature = receiver.header(0, "accord-signature");
            String t = signature.substring(2, signature.indexOf(','));
            byte[] sig = java.util.Base64.getDecoder().decode(signature.substring(signature.indexOf("v1=") + 3));
            assertTrue("signed by Accord's webhook key", org.accordpay.crypto.Ed25519.verify(publicKey,
                    (t + "." + bodies.get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8), sig));
        }
        try {
            webhooks.register(merchant.id(), "https://169.254.169.254/latest/meta-data", Mode.LIVE, 0, "it-operator");
            fail("a live webhook to a link-local address is refused");
        } catch (org.accordpay.api.webhook.WebhookException e) {
            assertEquals(org.accordpay.api.webhook.WebhookException.FORBIDDEN_TARGET, e.code());
        }
        assertBooksHold();
    }

    // ---------------------------------------------------------------- helpers

    /** Books balance, reconcile with the ledger bank's own books, and the audit chain verifies. */
    protected void assertBooksHold() throws Exception {
        assertTrue("Accord's books balance: " + books.balances(), books.balanced());
        ReconciliationReport[] last = new ReconciliationReport[1];
        boolean clean = waitFor(() -> {
            last[0] = books.reconcile("ledger");
            return last[0].reconciles() && last[0].inFlight() == 0;
        });
        assertTrue("reconciles with the ledger bank: " + last[0], clean);
        AuditVerification verification = awaitAuditChained();
        assertTrue(verification.toString(), verification.valid());
    }

    private AuditVerification awaitAuditChained() throws Exception {
        AuditVerification v = audit.verify();
        for (int i = 0; i < 50 && v.valid() && v.detail() != null && v.detail().contains("unlinked"); i++) {
            Thread.sleep(100);
            v = audit.verify();
        }
        return v;
    }

    protected Merchant admittedMerchant() {
        String name = randomLetters(10);
        Merchant m = merchants.apply(new MerchantApplication(name + " SAS", "Shop " + name,
                new BankAccount(germanIban(), null, name + " SAS")), "it-operator");
        for (String condition : List.of("bank-account-verified", "terms-accepted")) {
            merchants.setCondition(m.id(), condition, true, "it-operator", "checked");
        }
        bank.openAccount(m.bankAccount().iban(), m.legalName(), "EUR", 0);
        return merchants.admit(m.id(), "it-operator", "conditions met");
    }

    protected Shopper shopper(long balanceMinor) throws Exception {
        String phone = "+3366" + String.format("%07d", RANDOM.nextInt(10_000_000));
        String iban = germanIban();
        bank.openAccount(iban, "Shopper " + phone, "EUR", balanceMinor);
        handsets.create(phone, "135790".toCharArray());
        var ticket = customers.startEnrolment(new EnrolmentApplication(phone, "FR",
                new BankAccount(iban, null, "Shopper " + phone), true,
                new PostalAddress("Shopper", "3 quai Voltaire", "75007", "Paris", "FR"), "shopper-pass-1".toCharArray()));
        handsets.enrol(ticket.enrolmentId());
        Customer customer = customers.resolve(CustomerIdentifier.byPhone(phone, "FR")).orElseThrow();
        return new Shopper(customer, phone, iban);
    }

    protected Purchase request(Merchant merchant, Shopper shopper, long... prices) {
        List<PurchaseItem> items = new java.util.ArrayList<>();
        for (long price : prices) {
            items.add(new PurchaseItem("item " + price, price, 1));
        }
        return purchases.request(new PurchaseRequest(merchant.id(), CustomerIdentifier.byPhone(shopper.phone(), "FR"),
                items, "EUR", "order-" + RANDOM.nextInt(1_000_000), null, Mode.TEST));
    }

    protected Purchase await(Purchase p, PurchaseState state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Purchase now = p;
        while (System.nanoTime() < deadline) {
            now = purchases.find(p.id()).orElseThrow();
            if (now.state() == state) {
                return now;
            }
            Thread.sleep(50);
        }
        fail(p.id() + " did not reach " + state + ": it is " + now.state() + " (" + now.reason() + ")");
        return now;
    }

    protected static boolean waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    protected static void assertRefused(String code, Runnable call) {
        try {
            call.run();
            fail("expected refusal " + code);
        } catch (PurchaseException e) {
            assertEquals(e.getMessage(), code, e.code());
        }
    }

    private static String randomLetters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    /** @return a valid German IBAN with a random account number */
    protected static String germanIban() {
        String bban = "37040044" + String.format("%010d", Math.abs(RANDOM.nextLong()) % 10_000_000_000L);
        BigInteger n = new BigInteger(bban + "131400");
        int check = 98 - n.mod(BigInteger.valueOf(97)).intValue();
        return "DE" + String.format("%02d", check) + bban;
    }

    static {
        assertFalse(germanIban().isEmpty());
    }
}
