package org.accordpay.payments.internal;

import org.accordpay.testkit.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.BankStatusUpdate;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.store.dto.PostingLeg;
import org.accordpay.challenge.internal.TestEngines;
import org.accordpay.handset.HandsetAgent;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;

/**
 * The purchase flow wired to a real store (H2), a real challenge engine and a real simulated
 * handset, with a recording bank and carrier that the tests answer for.
 */
final class FlowHarness implements AutoCloseable {

    static final String PHONE = "+33612345678";
    static final char[] PIN = "246813".toCharArray();

    final MovableClock clock = new MovableClock();
    final JpaStore store;
    final ChallengeEngine engine;
    final FakeRegistry registry;
    final FakeBank bank = new FakeBank();
    final FakeCarrier carrier = new FakeCarrier();
    final FakeRouting routing = new FakeRouting(carrier);
    final Connectors connectors = new Connectors();
    final PaymentsSettings settings = PaymentsSettings.defaults();
    final OutboxDispatcher dispatcher;
    final PurchaseFlow flow;
    final Reconciliation books;
    final HandsetAgent handset;

    FlowHarness(Path dir) throws Exception {
        store = JpaStore.open(StoreSettings.of("jdbc:h2:" + dir.resolve("db"), "sa", "", 4, 1),
                JpaStore.class.getClassLoader(), clock.asClock());
        engine = TestEngines.withKeystore(store, clock, dir.resolve("accord-keys.p12"));
        registry = new FakeRegistry(engine);
        addCustomer("c-1", PHONE, "FR1420041010050500013M02606");
        registry.addMerchant("m-1", "DE89370400440532013000", MerchantStatus.ADMITTED);
        registry.addMerchant("m-2", "GB82WEST12345698765432", MerchantStatus.ADMITTED);
        connectors.bindBank(bank, Map.of("accord.bank.mode", "test"));
        connectors.bindRouting(routing);
        dispatcher = new OutboxDispatcher(store, clock, connectors, settings);
        flow = new PurchaseFlow(store, clock, engine, registry.customers, registry.merchants, settings, () -> { });
        books = new Reconciliation(store, clock, connectors);
        handset = HandsetAgent.create(dir.resolve("handset.bin"), clock.asClock());
        handset.enrol(engine.enrol("c-1", handset.enrolmentRequest(new byte[16])).packageBytes(), PIN);
    }

    /** A customer in the registry and in the store (the outbox reads phone numbers from the store). */
    void addCustomer(String id, String phone, String iban) {
        org.accordpay.api.registry.dto.Customer c = registry.addCustomer(id, phone, iban);
        store.transact(tx -> {
            tx.customers().insert(new org.accordpay.api.store.dto.CustomerRecord(c.id(), c.reference(),
                    c.phoneE164(), c.country(), c.bankAccount(), c.mandateId(), c.deliveryAddress(), c.status(),
                    "unused", c.enrolledAt(), c.enrolledAt(), c.enrolledAt(), 0));
            return null;
        });
    }

    PurchaseRequest request(String merchantId, long... unitPrices) {
        List<PurchaseItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < unitPrices.length; i++) {
            items.add(new PurchaseItem("item " + i, unitPrices[i], 1));
        }
        return new PurchaseRequest(merchantId, CustomerIdentifier.byPhone(PHONE, "FR"), items, "EUR",
                "order-" + System.nanoTime(), null, Mode.TEST);
    }

    /** Sends what the outbox holds, then lets the handset answer the last challenge. */
    ChallengeVerdict answer(boolean approve, char[] pin) throws Exception {
        dispatcher.deliverDue();
        byte[] challenge = carrier.lastChallenge(PHONE);
        assertThat(challenge).as("a challenge was sent").isNotNull();
        assertThat(handset.show(challenge)).isPresent();
        return flow.answer(approve ? handset.approve(pin) : handset.decline(pin));
    }

    /** Hands the outbox to the bank and returns the last instruction it got. */
    BankInstruction lastInstruction() {
        dispatcher.deliverDue();
        return bank.submitted.get(bank.submitted.size() - 1);
    }

    void bankSays(BankInstruction i, BankStatus status, RefusalReason reason) {
        flow.statusChanged(new BankStatusUpdate("ledger", i.idempotencyKey(), status, reason, clock.now()));
    }

    /** A purchase approved and paid into escrow. */
    Purchase paid(String merchantId, long... prices) throws Exception {
        Purchase p = flow.request(request(merchantId, prices));
        answer(true, PIN);
        bankSays(lastInstruction(), BankStatus.SETTLED, null);
        return flow.find(p.id()).orElseThrow();
    }

    Map<String, Long> balances() {
        Map<String, Long> m = new HashMap<>();
        for (PostingLeg l : store.transact(tx -> tx.ledger().balances())) {
            m.put(l.account(), l.amount().minorUnits());
        }
        return m;
    }

    long balance(String account) {
        return balances().getOrDefault(account, 0L);
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    @Override
    public void close() {
        store.close();
    }
}
