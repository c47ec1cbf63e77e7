package org.accordpay.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.store.dto.BankInstructionRecord;
import org.accordpay.api.store.dto.InstructionKind;
import org.accordpay.api.store.dto.InstructionStatus;
import org.accordpay.handset.HandsetAgent;

/**
 * Random sequences of merchant, customer, bank and clock operations, on the real store, engine and
 * handset: whatever happens, Accord's books balance, escrow holds exactly what paid purchases
 * still hold, Accord's account at the bank matches the instructions the bank settled, and no
 * purchase is paid out twice or pays out more than it took.
 */
class BooksPropertyTest {

    enum Kind { NEW, APPROVE, DECLINE, WRONG_PIN, BANK_SETTLE, BANK_REFUSE, BANK_RETURN, BANK_REPEAT, SHIP, DELIVER,
        CANCEL, REFUND, DISPUTE, RESOLVE, TIME_PASSES }

    record Op(Kind kind, int index, int percent) {
    }

    private static Path dir;
    private static FlowHarness h;
    private static int customers;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("accord-books");
        h = new FlowHarness(dir);
    }

    @AfterContainer
    static void stop() {
        h.close();
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        // weighted so that purchases often get paid, shipped and delivered before time passes
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(4, Kind.NEW), net.jqwik.api.Tuple.of(5, Kind.APPROVE),
                net.jqwik.api.Tuple.of(1, Kind.DECLINE), net.jqwik.api.Tuple.of(1, Kind.WRONG_PIN),
                net.jqwik.api.Tuple.of(5, Kind.BANK_SETTLE), net.jqwik.api.Tuple.of(1, Kind.BANK_REFUSE),
                net.jqwik.api.Tuple.of(1, Kind.BANK_RETURN), net.jqwik.api.Tuple.of(1, Kind.BANK_REPEAT),
                net.jqwik.api.Tuple.of(2, Kind.SHIP), net.jqwik.api.Tuple.of(2, Kind.DELIVER),
                net.jqwik.api.Tuple.of(1, Kind.CANCEL), net.jqwik.api.Tuple.of(2, Kind.REFUND),
                net.jqwik.api.Tuple.of(1, Kind.DISPUTE), net.jqwik.api.Tuple.of(1, Kind.RESOLVE),
                net.jqwik.api.Tuple.of(1, Kind.TIME_PASSES));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 100)).as(Op::new).list().ofMinSize(8).ofMaxSize(40);
    }

    @Property(tries = 60)
    void theBooksAlwaysBalanceAndNothingIsPaidTwice(@ForAll("operations") List<Op> ops) throws Exception {
        // a fresh customer and handset per try: caps and table size stay out of the way
        String customerId = "pc-" + (++customers);
        String phone = "+3361" + String.format("%07d", customers);
        h.addCustomer(customerId, phone, "FR1420041010050500013M02606");
        HandsetAgent handset = HandsetAgent.create(dir.resolve(customerId + ".bin"), h.clock.asClock());
        handset.enrol(h.engine.enrol(customerId, handset.enrolmentRequest(new byte[16])).packageBytes(),
                FlowHarness.PIN);
        h.clock.advance(Duration.ofDays(2));
        List<String> purchases = new ArrayList<>();
        for (Op op : ops) {
            try {
                apply(op, phone, handset, purchases);
            } catch (Exception e) {
                // refusals are part of the game: they must change nothing, which the checks below verify
            }
            h.dispatcher.deliverDue();
        }
        checkInvariants();
        for (String id : purchases) {
            Statistics.label("final states").collect(h.flow.find(id).orElseThrow().state());
        }
    }

    private void apply(Op op, String phone, HandsetAgent handset, List<String> purchases) throws Exception {
        String pick = purchases.isEmpty() ? null : purchases.get(op.index() % purchases.size());
        switch (op.kind()) {
            case NEW -> purchases.add(h.flow.request(new PurchaseRequest("m-1", CustomerIdentifier.byPhone(phone, "FR"),
                    h.request("m-1", 100L * op.percent() + op.index()).items(), "EUR", "o", null,
                    org.accordpay.api.purchase.Mode.TEST)).id());
            case APPROVE, DECLINE, WRONG_PIN -> {
                h.dispatcher.deliverDue();
                byte[] challenge = h.carrier.lastChallenge(phone);
                if (challenge != null && handset.show(challenge).isPresent()) {
                    byte[] answer = switch (op.kind()) {
                        case APPROVE -> handset.approve(FlowHarness.PIN);
                        case DECLINE -> handset.decline(FlowHarness.PIN);
                        default -> handset.approve("999999".toCharArray());
                    };
                    var verdict = h.flow.answer(answer);
                    // most of the time the bank answers at once; otherwise a later BANK_* operation does
                    if (verdict.purchaseId() != null && op.percent() <= 70) {
                        settleNow("dbt-" + verdict.purchaseId());
                    }
                }
            }
            case BANK_SETTLE, BANK_REFUSE -> openInstruction(op).ifPresent(i -> h.bankSays(i,
                    op.kind() == Kind.BANK_SETTLE ? BankStatus.SETTLED : BankStatus.REFUSED,
                    op.kind() == Kind.BANK_SETTLE ? null : RefusalReason.INSUFFICIENT_FUNDS));
            case BANK_RETURN -> settledDebit(op).ifPresent(i -> h.bankSays(i, BankStatus.RETURNED,
                    RefusalReason.MANDATE_INVALID));
            case BANK_REPEAT -> {
                if (!h.bank.submitted.isEmpty()) {
                    BankInstruction i = h.bank.submitted.get(op.index() % h.bank.submitted.size());
                    h.bankSays(i, BankStatus.SETTLED, null);
                }
            }
            case SHIP -> {
                if (pick != null) {
                    h.flow.markShipped("m-1", pick, "acme", "T-" + pick);
                }
            }
            case DELIVER -> {
                if (pick != null) {
                    h.flow.confirmDelivery(pick, "customer");
                    if (op.percent() <= 70) {
                        settleNow("pay-" + pick);
                    }
                }
            }
            case CANCEL -> {
                if (pick != null) {
                    h.flow.cancel("m-1", pick, "property test");
                }
            }
            case REFUND -> {
                if (pick != null) {
                    Purchase p = h.flow.find(pick).orElseThrow();
                    long amount = Math.max(1, p.total().minus(p.refunded()).minorUnits() * op.percent() / 100);
                    h.flow.refund("m-1", pick, FlowHarness.eur(amount), "property test");
                }
            }
            case DISPUTE -> {
                if (pick != null) {
                    h.flow.openDispute(pick, "property test");
                }
            }
            case RESOLVE -> {
                if (pick != null) {
                    h.flow.resolveDispute(pick, op.percent() % 2 == 0, "op", "property test");
                }
            }
            case TIME_PASSES -> {
                h.clock.advance(Duration.ofHours(op.percent() * 8L / 10));
                h.engine.expireDue(100);
                h.flow.sweepChallenges(h.clock.now());
                h.flow.sweepDisputeWindow();
                h.flow.sweepShipDeadline();
            }
            default -> throw new IllegalStateException();
        }
    }

    private void settleNow(String key) {
        h.dispatcher.deliverDue();
        BankInstruction i = h.bank.byKey.get(key);
        if (i != null) {
            h.bankSays(i, BankStatus.SETTLED, null);
        }
    }

    private java.util.Optional<BankInstruction> openInstruction(Op op) {
        List<BankInstruction> open = h.bank.submitted.stream().filter(i -> status(i) == InstructionStatus.REQUESTED)
                .toList();
        // mostly one of the latest three: this try's purchases, not leftovers of earlier tries
        return open.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(open.get(open.size() - 1 - op.index() % Math.min(3, open.size())));
    }

    private java.util.Optional<BankInstruction> settledDebit(Op op) {
        List<BankInstruction> settled = h.bank.submitted.stream()
                .filter(i -> i.idempotencyKey().startsWith("dbt-") && status(i) == InstructionStatus.SETTLED).toList();
        return settled.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(settled.get(op.index() % settled.size()));
    }

    private InstructionStatus status(BankInstruction i) {
        return h.store.transact(tx -> tx.bankInstructions().find(i.idempotencyKey())).orElseThrow().status();
    }

    private void checkInvariants() {
        assertThat(h.books.balanced()).as("books balance").isTrue();
        long held = 0;
        long bankExpected = 0;
        for (Purchase p : h.flow.listRecent(null, 500)) {
            List<BankInstructionRecord> instructions = h.flow.instructions(p.id());
            long payouts = instructions.stream().filter(i -> i.kind() == InstructionKind.PAYOUT).count();
            assertThat(payouts).as("payouts of " + p.id()).isLessThanOrEqualTo(1);
            long out = instructions.stream().filter(i -> i.kind() != InstructionKind.DEBIT)
                    .mapToLong(i -> i.amount().minorUnits()).sum();
            assertThat(out).as("money out of " + p.id()).isLessThanOrEqualTo(p.total().minorUnits());
            if (p.state() == PurchaseState.IN_ESCROW || p.state() == PurchaseState.SHIPPED
                    || p.state() == PurchaseState.DISPUTED) {
                held += p.total().minus(p.refunded()).minorUnits();
            }
            for (BankInstructionRecord i : instructions) {
                long signed = i.kind() == InstructionKind.DEBIT ? i.amount().minorUnits() : -i.amount().minorUnits();
                if (i.status() == InstructionStatus.SETTLED) {
                    bankExpected += signed;
                }
            }
        }
        Map<String, Long> balances = new HashMap<>(h.balances());
        assertThat(-balances.getOrDefault("escrow", 0L)).as("escrow holds what paid purchases hold").isEqualTo(held);
        assertThat(balances.getOrDefault("bank:ledger", 0L)).as("Accord's account at the bank")
                .isEqualTo(bankExpected);
    }
}
