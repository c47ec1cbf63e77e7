package org.accordpay.payments.internal;

import static org.accordpay.payments.internal.FlowHarness.PHONE;
import static org.accordpay.payments.internal.FlowHarness.PIN;
import static org.accordpay.payments.internal.FlowHarness.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.challenge.dto.Outcome;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.CheckoutView;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.HostedCheckout;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosted checkout: the merchant opens a purchase without a customer; the buyer identifies on Accord's page. */
class HostedCheckoutFlowTest {

    @TempDir
    Path dir;

    private FlowHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new FlowHarness(dir);
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private HostedCheckout open(long... prices) {
        PurchaseRequest r = h.request("m-1", prices);
        return h.flow.openCheckout(new PurchaseRequest(r.merchantId(), null, r.items(), r.currency(),
                r.merchantOrderRef(), "https://shop.example/thanks", r.mode()));
    }

    private PurchaseState state(Purchase p) {
        return h.flow.find(p.id()).orElseThrow().state();
    }

    @Test
    void aHostedPurchaseWaitsForItsBuyerWhoIsThenChallengedAndApproves() throws Exception {
        HostedCheckout opened = open(1500, 2500);
        Purchase p = opened.purchase();
        assertThat(p.state()).isEqualTo(PurchaseState.AWAITING_CUSTOMER);
        assertThat(p.customerId()).isNull();
        assertThat(opened.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(opened.expiresAt()).isEqualTo(p.createdAt().plus(Duration.ofMinutes(15)));
        String tokenHash = PurchaseFlow.sha256(opened.token());
        java.util.Optional<String> stored = h.store.transact(tx -> tx.purchases().findByCheckoutToken(tokenHash)
                .map(r -> r.id()));
        assertThat(stored).contains(p.id());
        h.dispatcher.deliverDue();
        assertThat(h.carrier.sent).as("nobody to challenge yet").isEmpty();

        CheckoutView before = h.flow.checkout(opened.token()).orElseThrow();
        assertThat(before.merchantName()).isEqualTo("Shop m-1");
        assertThat(before.total()).isEqualTo(eur(4000));
        assertThat(before.items()).hasSize(2);
        assertThat(before.state()).isEqualTo(PurchaseState.AWAITING_CUSTOMER);
        assertThat(before.customerSubmitted()).isFalse();
        assertThat(before.returnUrl()).isEqualTo("https://shop.example/thanks");

        h.flow.attachCustomer(opened.token(), CustomerIdentifier.byPhone(PHONE, "FR"));
        Purchase challenged = h.flow.find(p.id()).orElseThrow();
        assertThat(challenged.state()).isEqualTo(PurchaseState.CHALLENGED);
        assertThat(challenged.customerId()).isEqualTo("c-1");
        assertThat(h.flow.checkout(opened.token()).orElseThrow().customerSubmitted()).isTrue();

        assertThat(h.answer(true, PIN).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(state(p)).isEqualTo(PurchaseState.DEBIT_PENDING);
        h.bankSays(h.lastInstruction(), BankStatus.SETTLED, null);
        assertThat(state(p)).isEqualTo(PurchaseState.IN_ESCROW);
        assertThat(h.flow.find(p.id()).orElseThrow().deliveryAddress()).isNotNull();
        assertThat(h.flow.listForCustomer("c-1", java.time.Instant.EPOCH, java.time.Instant.parse(
                "2200-01-01T00:00:00Z"), null, 10)).extracting(Purchase::id).contains(p.id());
    }

    @Test
    void anUnknownNumberIsAnsweredTheSameAndThePurchaseExpires() throws Exception {
        HostedCheckout opened = open(700);
        Purchase p = opened.purchase();

        h.flow.attachCustomer(opened.token(), CustomerIdentifier.byPhone("+33699999999", "FR")); // no exception

        CheckoutView view = h.flow.checkout(opened.token()).orElseThrow();
        assertThat(view.state()).isEqualTo(PurchaseState.AWAITING_CUSTOMER);
        assertThat(view.customerSubmitted()).as("the page cannot tell it from a challenged buyer").isTrue();
        h.dispatcher.deliverDue();
        assertThat(h.carrier.sent).isEmpty();
        assertThat(h.flow.find(p.id()).orElseThrow().customerId()).isNull();

        h.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        h.flow.sweepChallenges(h.clock.now());
        assertThat(state(p)).isEqualTo(PurchaseState.EXPIRED);
        assertThat(h.flow.merchantEvents("m-1", 0, 10)).extracting(MerchantEvent::type)
                .containsExactly("purchase.expired");
    }

    @Test
    void aCheckoutNobodyIdentifiesForExpiresAfterFifteenMinutes() throws Exception {
        HostedCheckout opened = open(500);
        h.clock.advance(Duration.ofMinutes(14));
        h.flow.sweepChallenges(h.clock.now());
        assertThat(state(opened.purchase())).isEqualTo(PurchaseState.AWAITING_CUSTOMER);

        h.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        h.flow.sweepChallenges(h.clock.now());
        assertThat(state(opened.purchase())).isEqualTo(PurchaseState.EXPIRED);
        assertThat(h.flow.checkout(opened.token()).orElseThrow().state()).isEqualTo(PurchaseState.EXPIRED);
        assertThatThrownBy(() -> h.flow.attachCustomer(opened.token(), CustomerIdentifier.byPhone(PHONE, "FR")))
                .isInstanceOfSatisfying(PurchaseException.class, e -> assertThat(e.code()).isEqualTo("wrong-state"));
        h.dispatcher.deliverDue();
        assertThat(h.carrier.sent).isEmpty();
    }

    @Test
    void aTokenIsNeededAndACheckoutTakesOneCustomer() throws Exception {
        HostedCheckout opened = open(500);
        assertThat(h.flow.checkout("not-a-token")).isEmpty();
        assertThat(h.flow.checkout("A".repeat(43))).isEmpty();
        assertThatThrownBy(() -> h.flow.attachCustomer("A".repeat(43), CustomerIdentifier.byPhone(PHONE, "FR")))
                .isInstanceOfSatisfying(PurchaseException.class,
                        e -> assertThat(e.code()).isEqualTo("unknown-checkout"));

        h.flow.attachCustomer(opened.token(), CustomerIdentifier.byPhone(PHONE, "FR"));
        assertThatThrownBy(() -> h.flow.attachCustomer(opened.token(), CustomerIdentifier.byPhone(PHONE, "FR")))
                .isInstanceOfSatisfying(PurchaseException.class, e -> assertThat(e.code()).isEqualTo("wrong-state"));
    }

    @Test
    void theMerchantMayCancelACheckoutThatWaits() {
        HostedCheckout opened = open(500);
        Purchase cancelled = h.flow.cancel("m-1", opened.purchase().id(), "buyer left");
        assertThat(cancelled.state()).isEqualTo(PurchaseState.CANCELLED);
        assertThat(h.flow.checkout(opened.token()).orElseThrow().state()).isEqualTo(PurchaseState.CANCELLED);
    }
}
