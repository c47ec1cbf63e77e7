package org.accordpay.payments.internal;

import static org.accordpay.payments.internal.FlowHarness.PIN;
import static org.accordpay.payments.internal.FlowHarness.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankOperation;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.challenge.dto.Outcome;
import org.accordpay.api.courier.dto.DeliveryEvent;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.purchase.dto.PurchaseStep;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps 2-10 and every exit, against the real store, engine and handset. */
class PurchaseFlowTest {

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

    @Test
    void happyPathMovesTheMoneyOnceFromCustomerToMerchantLessTheFee() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 1500, 2500));
        assertThat(p.state()).isEqualTo(PurchaseState.CHALLENGED);
        assertThat(p.total()).isEqualTo(eur(4000));

        assertThat(h.answer(true, PIN).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(state(p)).isEqualTo(PurchaseState.DEBIT_PENDING);
        BankInstruction debit = h.lastInstruction();
        assertThat(debit.operation()).isEqualTo(BankOperation.DEBIT);
        assertThat(debit.amount()).isEqualTo(eur(4000));
        assertThat(debit.counterparty().iban()).isEqualTo("FR1420041010050500013M02606");

        java.util.Optional<String> via = h.store.transact(tx -> tx.outbox().deliveredVia("bank-dbt-" + p.id()));
        assertThat(via).contains("bank:ledger/test");
        String challengeId = h.store.transact(tx -> tx.purchases().find(p.id())).orElseThrow().challengeId();
        java.util.Optional<String> smsVia = h.store.transact(tx -> tx.outbox().deliveredVia("chl-" + challengeId));
        assertThat(smsVia).contains("carrier:loopback/test");
        List<org.accordpay.api.store.dto.OutboxMessage> pending = h.store.transact(tx -> tx.outbox().pending(100));
        assertThat(pending).isEmpty();
        h.bankSays(debit, BankStatus.SETTLED, null);
        Purchase paid = h.flow.find(p.id()).orElseThrow();
        assertThat(paid.state()).isEqualTo(PurchaseState.IN_ESCROW);
        assertThat(paid.deliveryAddress()).isNotNull();
        assertThat(h.balance("escrow")).isEqualTo(-4000);
        assertThat(h.balance("bank:ledger")).isEqualTo(4000);
        List<MerchantEvent> events = h.flow.merchantEvents("m-1", 0, 50);
        assertThat(events).extracting(MerchantEvent::type).containsExactly("purchase.in_escrow");
        assertThat(events.get(0).json()).contains("\"delivery_address\":{").contains("75002");
        h.dispatcher.deliverDue();
        assertThat(h.carrier.sent).extracting(OutboundSms::text).anyMatch(t -> t != null && t.contains("40.00 EUR"));

        h.flow.markShipped("m-1", p.id(), "loopback-courier", "TRK-1");
        assertThat(h.flow.delivery(new DeliveryEvent("loopback-courier", "TRK-1", true, "left at door", h.clock.now())))
                .isTrue();
        assertThat(state(p)).isEqualTo(PurchaseState.DELIVERED);
        assertThat(h.balance("payable:merchant:m-1")).isEqualTo(-3960);
        assertThat(h.balance("fees")).isEqualTo(-40);

        BankInstruction payout = h.lastInstruction();
        assertThat(payout.operation()).isEqualTo(BankOperation.CREDIT);
        assertThat(payout.amount()).isEqualTo(eur(3960));
        assertThat(payout.counterparty().iban()).isEqualTo("DE89370400440532013000");
        h.bankSays(payout, BankStatus.SETTLED, null);
        h.bankSays(payout, BankStatus.SETTLED, null);

        assertThat(state(p)).isEqualTo(PurchaseState.SETTLED);
        assertThat(h.balances()).containsOnlyKeys("bank:ledger", "fees").containsEntry("bank:ledger", 40L);
        assertThat(h.books.balanced()).isTrue();
        assertThat(h.bank.submitted).hasSize(2);
        assertThat(h.registry.quality).containsExactly("m-1:PAID");
    }

    @Test
    void historyListsTheAuditedStepsOfOnePurchaseInOrderFromRequestToPayout() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 1200));
        h.clock.advance(Duration.ofSeconds(5));
        h.answer(true, PIN);
        h.bankSays(h.lastInstruction(), BankStatus.SETTLED, null);
        h.clock.advance(Duration.ofMinutes(1));
        h.flow.markShipped("m-1", p.id(), "loopback-courier", "TRK-H");
        h.clock.advance(Duration.ofMinutes(1));
        h.flow.confirmDelivery(p.id(), "customer");
        h.bankSays(h.lastInstruction(), BankStatus.SETTLED, null);
        Purchase other = h.flow.request(h.request("m-2", 700));

        List<PurchaseStep> steps = h.flow.history(p.id());
        assertThat(steps).extracting(PurchaseStep::type).containsSubsequence("purchase.requested", "sms.queued", "purchase.approved", "purchase.debit_pending",
                        "purchase.in_escrow", "purchase.shipped", "purchase.delivered", "purchase.settled");
        assertThat(steps).extracting(PurchaseStep::at).isSorted();
        assertThat(steps.get(steps.size() - 1).at()).isAfter(steps.get(0).at().plus(Duration.ofMinutes(2)));
        // another purchase's steps are not mixed in; unknown and blank ids have none
        assertThat(h.flow.history(other.id())).extracting(PurchaseStep::type)
                .doesNotContain("purchase.shipped", "purchase.delivered");
        assertThat(h.flow.history("pur_nope")).isEmpty();
        assertThat(h.flow.history(" ")).isEmpty();
    }

    @Test
    void repeatedBankAnswersAndAnswersForUnknownInstructionsChangeNothing() throws Exception {
        Purchase p = h.paid("m-1", 1000);
        BankInstruction debit = h.bank.submitted.get(0);
        h.bankSays(debit, BankStatus.SETTLED, null);
        h.bankSays(debit, BankStatus.REFUSED, RefusalReason.OTHER);
        h.flow.statusChanged(new org.accordpay.api.bank.dto.BankStatusUpdate("ledger", "nope", BankStatus.SETTLED,
                null, h.clock.now()));
        h.flow.statusChanged(new org.accordpay.api.bank.dto.BankStatusUpdate("other-bank", debit.idempotencyKey(),
                BankStatus.RETURNED, RefusalReason.OTHER, h.clock.now()));
        assertThat(state(p)).isEqualTo(PurchaseState.IN_ESCROW);
        assertThat(h.balance("escrow")).isEqualTo(-1000);
    }

    @Test
    void declinedOnTheHandsetAsksNoMoney() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 999));
        assertThat(h.answer(false, PIN).outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(state(p)).isEqualTo(PurchaseState.DECLINED);
        h.dispatcher.deliverDue();
        assertThat(h.bank.submitted).isEmpty();
        assertThat(h.flow.merchantEvents("m-1", 0, 10)).extracting(MerchantEvent::type)
                .containsExactly("purchase.declined");
    }

    @Test
    void fiveWrongPinsLockTheCustomerAndAnUnlockLetsTheNextPurchaseThrough() throws Exception {
        char[] wrong = "111111".toCharArray();
        for (int i = 1; i <= 4; i++) {
            Purchase p = h.flow.request(h.request("m-1", 100));
            assertThat(h.answer(true, wrong).outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(state(p)).isEqualTo(PurchaseState.DECLINED);
        }
        Purchase fifth = h.flow.request(h.request("m-1", 100));
        assertThat(h.answer(true, wrong).outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(state(fifth)).isEqualTo(PurchaseState.LOCKED);
        assertThatThrownBy(() -> h.flow.request(h.request("m-1", 100)))
                .isInstanceOfSatisfying(PurchaseException.class, e -> assertThat(e.code()).isEqualTo("customer-locked"));

        h.registry.customers.unlock("c-1", "op", "customer called, identity checked");
        Purchase after = h.flow.request(h.request("m-1", 100));
        assertThat(h.answer(true, PIN).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(state(after)).isEqualTo(PurchaseState.DEBIT_PENDING);
        assertThat(h.bank.submitted).isEmpty();
    }

    @Test
    void anUnansweredChallengeExpiresThePurchase() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 500));
        h.clock.advance(Duration.ofMinutes(4));
        h.engine.expireDue(100);
        h.flow.sweepChallenges(h.clock.now());
        assertThat(state(p)).isEqualTo(PurchaseState.EXPIRED);
        assertThat(h.flow.merchantEvents("m-1", 0, 10)).extracting(MerchantEvent::type)
                .containsExactly("purchase.expired");
    }

    @Test
    void aChallengeWithoutDeliveryReportGoesOutAgainAndIsAnsweredOnce() throws Exception {
        h.routing.receipts = true;
        Purchase p = h.flow.request(h.request("m-1", 700));
        String challengeId = h.store.transact(tx -> tx.purchases().find(p.id())).orElseThrow().challengeId();
        String row = "chl-" + challengeId;
        h.dispatcher.deliverDue();
        assertThat(h.store.<List<org.accordpay.api.store.dto.OutboxMessage>>transact(tx -> tx.outbox().pending(10)))
                .as("sent, waiting for the report").extracting(m -> m.id()).containsExactly(row);
        h.dispatcher.deliverDue();
        assertThat(h.carrier.sent).as("not sent twice while the report may come").hasSize(1);

        h.clock.advance(Duration.ofSeconds(60));
        h.dispatcher.deliverDue();
        assertThat(h.carrier.sent).as("no report in time: handed over again").hasSize(2);
        assertThat(h.routing.tried).containsExactly(List.of(), List.of("loopback"));
        assertThat(h.carrier.sent.get(1).binary()).as("the same challenge").isEqualTo(h.carrier.sent.get(0).binary());

        var shown = h.handset.show(h.carrier.sent.get(0).binary());
        assertThat(shown).isPresent();
        assertThat(h.handset.show(h.carrier.sent.get(1).binary())).as("the copy is the same screen, not a second one")
                .isEqualTo(shown);
        byte[] answer = h.handset.approve(PIN);
        assertThat(h.handset.show(h.carrier.sent.get(1).binary())).as("once answered, a copy is ignored").isEmpty();
        assertThat(h.flow.answer(answer).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(h.flow.answer(answer).outcome()).as("a second copy of the answer counts for nothing")
                .isEqualTo(Outcome.REFUSED);
        assertThat(state(p)).isEqualTo(PurchaseState.DEBIT_PENDING);
        assertThat(h.engine.status("c-1").orElseThrow().consecutiveFailures()).isZero();

        h.dispatcher.reported(new org.accordpay.api.carrier.dto.DeliveryReport("loopback", row, true, "DELIVRD",
                h.clock.now()));
        h.dispatcher.applyReports();
        assertThat(h.store.<List<org.accordpay.api.store.dto.OutboxMessage>>transact(tx -> tx.outbox().pending(10)))
                .extracting(m -> m.id()).doesNotContain(row);
        assertThat(h.store.<List<org.accordpay.api.store.dto.SmsAttempt>>transact(tx -> tx.outbox().attempts(row)))
                .extracting(a -> a.delivered()).containsExactly(null, true);
    }

    @Test
    void aFailedDeliveryReportSendsAtOnceAndAMessageIsGivenUpAfterItsHandovers() throws Exception {
        h.routing.receipts = true;
        h.flow.request(h.request("m-1", 700));
        h.dispatcher.deliverDue();
        String row = h.carrier.sent.get(0).messageId();
        for (int i = 1; i <= 3; i++) {
            assertThat(h.carrier.sent).hasSize(i);
            h.dispatcher.reported(new org.accordpay.api.carrier.dto.DeliveryReport("loopback", row, false,
                    "absent subscriber", h.clock.now()));
        h.dispatcher.applyReports();
            h.dispatcher.deliverDue();
        }
        assertThat(h.carrier.sent).as("three hand-overs, then given up").hasSize(3);
        assertThat(h.store.<java.util.Optional<String>>transact(tx -> tx.outbox().deliveredVia(row)))
                .contains("undelivered");
    }

    @Test
    void aReportThatOvertakesItsHandoverIsNotLost() throws Exception {
        h.routing.receipts = true;
        h.carrier.onSend = m -> h.dispatcher.reported(new org.accordpay.api.carrier.dto.DeliveryReport("loopback",
                m.messageId(), true, "DELIVRD", h.clock.now()));
        h.flow.request(h.request("m-1", 700));
        h.dispatcher.deliverDue();
        h.dispatcher.applyReports();
        assertThat(h.store.<List<org.accordpay.api.store.dto.OutboxMessage>>transact(tx -> tx.outbox().pending(10)))
                .isEmpty();
    }

    @Test
    void aDeliveredReportThatComesBeforeItsHandoverIsRecordedIsWrittenWithIt() throws Exception {
        h.routing.receipts = true;
        // the carrier reports at once, from inside send: before the pipeline's recorder has written the hand-over
        h.carrier.onSend = m -> h.dispatcher.reported(new org.accordpay.api.carrier.dto.DeliveryReport("loopback",
                m.messageId(), true, "DELIVRD", h.clock.now()));
        Purchase p = h.flow.request(h.request("m-1", 700));
        String row = "chl-" + h.store.transact(tx -> tx.purchases().find(p.id())).orElseThrow().challengeId();
        Thread outbox = new Thread(h.dispatcher, "test-outbox");
        outbox.start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            // no report thread runs here (nothing calls applyReports): only the recorder can close the row
            while (System.nanoTime() < deadline && !h.store.<List<org.accordpay.api.store.dto.OutboxMessage>>transact(
                    tx -> tx.outbox().pending(10)).isEmpty()) {
                Thread.sleep(20);
            }
        } finally {
            h.dispatcher.stop();
            outbox.join(5_000);
        }
        assertThat(h.store.<List<org.accordpay.api.store.dto.OutboxMessage>>transact(tx -> tx.outbox().pending(10)))
                .as("closed with its hand-over").isEmpty();
        assertThat(h.store.<List<org.accordpay.api.store.dto.SmsAttempt>>transact(tx -> tx.outbox().attempts(row)))
                .singleElement().satisfies(a -> {
                    assertThat(a.delivered()).isTrue();
                    assertThat(a.detail()).isEqualTo("DELIVRD");
                });
        assertThat(h.dispatcher.applyReports()).as("nothing left to match").isZero();
        assertThat(h.carrier.sent).hasSize(1);
    }

    @Test
    void aMessageRoutingRefusesIsNotRetried() throws Exception {
        h.routing.refuse = true;
        h.flow.request(h.request("m-1", 700));
        h.dispatcher.deliverDue();
        assertThat(h.store.<List<org.accordpay.api.store.dto.OutboxMessage>>transact(tx -> tx.outbox().pending(10)))
                .isEmpty();
        assertThat(h.carrier.sent).isEmpty();
    }

    @Test
    void aLateApprovalOfAnExpiredChallengeIsRefused() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 500));
        h.dispatcher.deliverDue();
        h.handset.show(h.carrier.lastChallenge(FlowHarness.PHONE));
        byte[] late = h.handset.approve(PIN);
        h.clock.advance(Duration.ofMinutes(4));
        assertThat(h.flow.answer(late).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(state(p)).isEqualTo(PurchaseState.EXPIRED);
        h.dispatcher.deliverDue();
        assertThat(h.bank.submitted).isEmpty();
    }

    @Test
    void insufficientFundsFailTheDebitAndTellTheCustomer() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 100_000));
        h.answer(true, PIN);
        h.bankSays(h.lastInstruction(), BankStatus.REFUSED, RefusalReason.INSUFFICIENT_FUNDS);
        Purchase failed = h.flow.find(p.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(PurchaseState.DEBIT_FAILED);
        assertThat(failed.reason()).contains("INSUFFICIENT_FUNDS");
        assertThat(failed.deliveryAddress()).isNull();
        assertThat(h.balances()).isEmpty();
        h.dispatcher.deliverDue();
        assertThat(h.carrier.sent).extracting(OutboundSms::text).anyMatch(t -> t != null && t.contains("refused"));
    }

    @Test
    void aBankThatIsDownGetsTheSameInstructionWhenBack() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 700));
        h.answer(true, PIN);
        h.bank.down = true;
        h.dispatcher.deliverDue();
        assertThat(h.bank.submitted).isEmpty();
        h.bank.down = false;
        h.dispatcher.deliverDue();
        assertThat(h.bank.submitted).isEmpty();
        h.clock.advance(Duration.ofSeconds(2));
        BankInstruction debit = h.lastInstruction();
        assertThat(debit.idempotencyKey()).isEqualTo("dbt-" + p.id());
        h.bankSays(debit, BankStatus.SETTLED, null);
        assertThat(state(p)).isEqualTo(PurchaseState.IN_ESCROW);
    }

    @Test
    void aDebitReturnedAfterEscrowReleasesWhatIsHeld() throws Exception {
        Purchase p = h.paid("m-1", 1200);
        h.bankSays(h.bank.submitted.get(0), BankStatus.RETURNED, RefusalReason.MANDATE_INVALID);
        assertThat(state(p)).isEqualTo(PurchaseState.DEBIT_RETURNED);
        assertThat(h.balances()).isEmpty();
        assertThatThrownBy(() -> h.flow.markShipped("m-1", p.id(), "c", "t")).isInstanceOf(PurchaseException.class);
    }

    @Test
    void aDebitReturnedAfterPayoutIsBookedAsALoss() throws Exception {
        Purchase p = h.paid("m-1", 1000);
        h.flow.confirmDelivery(p.id(), "customer");
        h.bankSays(h.lastInstruction(), BankStatus.SETTLED, null);
        h.bankSays(h.bank.submitted.get(0), BankStatus.RETURNED, RefusalReason.OTHER);
        assertThat(state(p)).isEqualTo(PurchaseState.SETTLED);
        assertThat(h.balance("loss:returned-debits")).isEqualTo(1000);
        assertThat(h.balance("bank:ledger")).isEqualTo(-1000 + 10);
        assertThat(h.books.balanced()).isTrue();
    }

    @Test
    void cancellingAChallengedPurchaseClosesItsChallenge() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 300));
        h.flow.cancel("m-1", p.id(), "customer changed their mind");
        assertThat(state(p)).isEqualTo(PurchaseState.CANCELLED);
        assertThat(h.answer(true, PIN).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(state(p)).isEqualTo(PurchaseState.CANCELLED);
        Purchase next = h.flow.request(h.request("m-1", 300));
        assertThat(next.state()).isEqualTo(PurchaseState.CHALLENGED);
    }

    @Test
    void cancellingAPaidPurchaseRefundsItAll() throws Exception {
        Purchase p = h.paid("m-1", 2000);
        h.flow.cancel("m-1", p.id(), "out of stock");
        assertThat(state(p)).isEqualTo(PurchaseState.CANCELLED);
        BankInstruction refund = h.lastInstruction();
        assertThat(refund.operation()).isEqualTo(BankOperation.CREDIT);
        assertThat(refund.amount()).isEqualTo(eur(2000));
        assertThat(refund.counterparty().iban()).isEqualTo("FR1420041010050500013M02606");
        h.bankSays(refund, BankStatus.SETTLED, null);
        assertThat(h.balances()).isEmpty();
    }

    @Test
    void cancelWhileTheDebitIsWithTheBankIsRefused() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 300));
        h.answer(true, PIN);
        assertThatThrownBy(() -> h.flow.cancel("m-1", p.id(), "oops"))
                .isInstanceOfSatisfying(PurchaseException.class, e -> assertThat(e.code()).isEqualTo("debit-in-progress"));
    }

    @Test
    void partialRefundsThenDeliveryPayOutWhatIsLeft() throws Exception {
        Purchase p = h.paid("m-1", 10_000);
        h.flow.refund("m-1", p.id(), eur(2500), "one item missing");
        assertThatThrownBy(() -> h.flow.refund("m-1", p.id(), eur(7501), "too much"))
                .isInstanceOfSatisfying(PurchaseException.class, e -> assertThat(e.code()).isEqualTo("invalid-amount"));
        h.bankSays(h.lastInstruction(), BankStatus.SETTLED, null);
        assertThat(h.flow.find(p.id()).orElseThrow().refunded()).isEqualTo(eur(2500));
        h.flow.confirmDelivery(p.id(), "customer");
        BankInstruction payout = h.lastInstruction();
        assertThat(payout.amount()).isEqualTo(eur(7500 - 75));
        h.bankSays(payout, BankStatus.SETTLED, null);
        assertThat(state(p)).isEqualTo(PurchaseState.SETTLED);
        assertThat(h.balances()).containsOnlyKeys("bank:ledger", "fees");
    }

    @Test
    void aFullRefundEndsThePurchase() throws Exception {
        Purchase p = h.paid("m-1", 800);
        h.flow.markShipped("m-1", p.id(), "acme", "T-9");
        Purchase r = h.flow.refund("m-1", p.id(), eur(800), "returned by the customer");
        assertThat(r.state()).isEqualTo(PurchaseState.REFUNDED);
        h.bankSays(h.lastInstruction(), BankStatus.SETTLED, null);
        assertThat(h.balances()).isEmpty();
        assertThat(h.registry.quality).containsExactly("m-1:PAID", "m-1:REFUNDED");
    }

    @Test
    void aDisputeFreezesEscrowAndIsResolvedForTheCustomer() throws Exception {
        Purchase p = h.paid("m-1", 1500);
        h.flow.markShipped("m-1", p.id(), "acme", "T-1");
        h.flow.openDispute(p.id(), "parcel never came");
        assertThat(state(p)).isEqualTo(PurchaseState.DISPUTED);
        assertThatThrownBy(() -> h.flow.confirmDelivery(p.id(), "courier:acme")).isInstanceOf(PurchaseException.class);
        h.clock.advance(Duration.ofDays(30));
        h.flow.sweepDisputeWindow();
        assertThat(state(p)).isEqualTo(PurchaseState.DISPUTED);
        h.flow.resolveDispute(p.id(), true, "op", "courier confirmed loss");
        assertThat(state(p)).isEqualTo(PurchaseState.REFUNDED);
        BankInstruction refund = h.lastInstruction();
        assertThat(refund.amount()).isEqualTo(eur(1500));
        h.bankSays(refund, BankStatus.SETTLED, null);
        assertThat(h.balances()).isEmpty();
    }

    @Test
    void aDisputeResolvedForTheMerchantPaysTheMerchant() throws Exception {
        Purchase p = h.paid("m-1", 1500);
        h.flow.openDispute(p.id(), "wrong colour");
        h.flow.resolveDispute(p.id(), false, "op", "colour as advertised");
        assertThat(state(p)).isEqualTo(PurchaseState.DELIVERED);
        h.bankSays(h.lastInstruction(), BankStatus.SETTLED, null);
        assertThat(state(p)).isEqualTo(PurchaseState.SETTLED);
    }

    @Test
    void theDisputeWindowConfirmsDeliveryOfAShippedPurchase() throws Exception {
        Purchase p = h.paid("m-1", 600);
        h.flow.markShipped("m-1", p.id(), "acme", "T-2");
        h.clock.advance(Duration.ofDays(13));
        assertThat(h.flow.sweepDisputeWindow()).isZero();
        h.clock.advance(Duration.ofDays(2));
        assertThat(h.flow.sweepDisputeWindow()).isEqualTo(1);
        assertThat(h.flow.find(p.id()).orElseThrow().reason()).contains("dispute window");
    }

    @Test
    void aPurchaseNeverShippedIsCancelledAndRefundedAtTheDeadline() throws Exception {
        Purchase p = h.paid("m-1", 600);
        h.clock.advance(Duration.ofDays(31));
        assertThat(h.flow.sweepShipDeadline()).isEqualTo(1);
        assertThat(state(p)).isEqualTo(PurchaseState.CANCELLED);
        assertThat(h.lastInstruction().operation()).isEqualTo(BankOperation.CREDIT);
    }

    @Test
    void aMerchantSuspendedWhileTheCustomerDecidesGetsNoMoney() throws Exception {
        Purchase p = h.flow.request(h.request("m-1", 400));
        h.registry.setStatus("m-1", MerchantStatus.SUSPENDED);
        assertThat(h.answer(true, PIN).outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(state(p)).isEqualTo(PurchaseState.CANCELLED);
        h.dispatcher.deliverDue();
        assertThat(h.bank.submitted).isEmpty();
        assertThatThrownBy(() -> h.flow.request(h.request("m-1", 400)))
                .isInstanceOfSatisfying(PurchaseException.class,
                        e -> assertThat(e.code()).isEqualTo("merchant-not-admitted"));
    }

    @Test
    void theChallengeCapStopsAnyoneFromFloodingAPhone() throws Exception {
        for (int i = 0; i < 10; i++) {
            Purchase p = h.flow.request(h.request("m-1", 100));
            h.flow.cancel("m-1", p.id(), "flood test");
        }
        assertThatThrownBy(() -> h.flow.request(h.request("m-1", 100)))
                .isInstanceOfSatisfying(PurchaseException.class,
                        e -> assertThat(e.code()).isEqualTo("challenge-cap-reached"));
    }

    @Test
    void badRequestsAreRefusedWithAClearCodeAndChangeNothing() throws Exception {
        assertCode(() -> h.flow.request(h.request("nobody", 100)), "unknown-merchant");
        h.registry.addMerchant("m-3", "DE89370400440532013000", MerchantStatus.APPLIED);
        assertCode(() -> h.flow.request(h.request("m-3", 100)), "merchant-not-admitted");
        PurchaseRequest good = h.request("m-1", 100);
        assertCode(() -> h.flow.request(new PurchaseRequest("m-1",
                org.accordpay.api.purchase.dto.CustomerIdentifier.byPhone("+33699999999", "FR"), good.items(), "EUR",
                "o", null, good.mode())), "unknown-customer");
        assertCode(() -> h.flow.request(new PurchaseRequest("m-1", good.customer(), good.items(), "euro", "o", null,
                good.mode())), "invalid-currency");
        assertCode(() -> h.flow.request(new PurchaseRequest("m-1", good.customer(),
                List.of(new PurchaseItem("free", 0, 1)), "EUR", "o", null, good.mode())), "invalid-amount");
        assertCode(() -> h.flow.request(new PurchaseRequest("m-1", good.customer(),
                List.of(new PurchaseItem("a", Long.MAX_VALUE, 1), new PurchaseItem("b", 1, 1)), "EUR", "o", null,
                good.mode())), "invalid-amount");
        assertCode(() -> h.flow.request(new PurchaseRequest("m-1", good.customer(), good.items(), "EUR", " ", null,
                good.mode())), "invalid-request");
        assertThat(h.flow.listRecent(null, 10)).isEmpty();
        assertThat(h.store.pendingWork().openChallenges()).isZero();
    }

    @Test
    void aMerchantCannotTouchAnotherMerchantsPurchase() throws Exception {
        Purchase p = h.paid("m-1", 1000);
        assertCode(() -> h.flow.markShipped("m-2", p.id(), "acme", "T"), "unknown-purchase");
        assertCode(() -> h.flow.refund("m-2", p.id(), eur(10), "x"), "unknown-purchase");
        assertCode(() -> h.flow.cancel("m-2", p.id(), "x"), "unknown-purchase");
        assertThat(h.flow.listForMerchant("m-2", p.createdAt(), p.createdAt().plusSeconds(1), null, 10)).isEmpty();
        assertThat(h.flow.listForMerchant("m-1", p.createdAt(), p.createdAt().plusSeconds(1), null, 10))
                .extracting(Purchase::id).containsExactly(p.id());
    }

    @Test
    void listsPageWithACursor() throws Exception {
        java.time.Instant from = h.clock.now();
        for (int i = 0; i < 5; i++) {
            Purchase p = h.flow.request(h.request("m-1", 100 + i));
            h.flow.cancel("m-1", p.id(), "paging");
        }
        List<Purchase> first = h.flow.listForMerchant("m-1", from, from.plusSeconds(60), null, 3);
        List<Purchase> second = h.flow.listForMerchant("m-1", from, from.plusSeconds(60), first.get(2).id(), 3);
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2);
        assertThat(second).extracting(Purchase::id).doesNotContainAnyElementsOf(first.stream().map(Purchase::id).toList());
        assertThat(h.flow.listForCustomer("c-1", from, from.plusSeconds(60), null, 10)).hasSize(5);
    }

    private PurchaseState state(Purchase p) {
        return h.flow.find(p.id()).orElseThrow().state();
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PurchaseException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
