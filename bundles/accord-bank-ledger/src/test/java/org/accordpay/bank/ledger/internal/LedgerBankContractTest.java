package org.accordpay.bank.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.accordpay.api.bank.BankException;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankOperation;
import org.accordpay.api.bank.dto.BankStatement;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.BankStatusUpdate;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.bank.dto.StatementLine;
import org.accordpay.api.money.Money;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.bank.ledger.dto.LedgerAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ledger bank's behaviour, the same on every supported database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerBankContractTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    protected String url;
    protected LedgerSettings settings;
    protected final TestClock clock = new TestClock();
    protected RecordingEvents events;
    protected LedgerBankEngine bank;
    private final List<LedgerBankEngine> extra = new ArrayList<>();

    /** @return the JDBC URL of a fresh, empty database */
    protected abstract String freshDatabase() throws Exception;

    protected abstract String user();

    protected void dropDatabase() throws Exception {
    }

    @BeforeAll
    void createDatabase() throws Exception {
        url = freshDatabase();
        settings = LedgerSettings.of("ledger-ut", url, user(), "", 0);
    }

    @AfterAll
    void removeDatabase() throws Exception {
        dropDatabase();
    }

    @BeforeEach
    void openBank() throws Exception {
        events = new RecordingEvents();
        bank = LedgerBankEngine.open(settings, clock, events);
    }

    @AfterEach
    void closeBank() {
        if (bank != null) {
            bank.close();
        }
        extra.forEach(LedgerBankEngine::close);
        extra.clear();
    }

    // ------------------------------------------------------------------ debits

    @Test
    void debitSettlesAndMovesTheMoneyToAccord() throws Exception {
        String customer = account("Alice", 10_000);
        long accordBefore = accordBalance();

        String key = submit(BankOperation.DEBIT, customer, 2_500);

        awaitStatus(events, key, BankStatus.SETTLED);
        assertThat(bank.balance(customer, "EUR")).isEqualTo(Money.of(7_500, "EUR"));
        assertThat(accordBalance()).isEqualTo(accordBefore + 2_500);
        BankStatusUpdate settled = events.of(key).get(0);
        assertThat(settled.bankId()).isEqualTo("ledger-ut");
        assertThat(settled.reason()).isNull();
        assertThat(bank.instruction(key)).get().extracting(StatementLine::status).isEqualTo(BankStatus.SETTLED);
        assertBooksBalance();
    }

    @Test
    void debitBeyondTheBalanceIsRefusedForInsufficientFunds() throws Exception {
        String customer = account("Bob", 1_000);
        long accordBefore = accordBalance();

        String key = submit(BankOperation.DEBIT, customer, 2_000);

        BankStatusUpdate u = awaitStatus(events, key, BankStatus.REFUSED);
        assertThat(u.reason()).isEqualTo(RefusalReason.INSUFFICIENT_FUNDS);
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(1_000);
        assertThat(accordBalance()).isEqualTo(accordBefore);
        assertBooksBalance();
    }

    @Test
    void closedAndUnknownAccountsAreRefused() throws Exception {
        String closed = account("Carol", 5_000);
        bank.closeAccount(closed);
        assertThat(bank.account(closed, "EUR")).get().extracting(LedgerAccount::open).isEqualTo(false);
        fundAccord(1_000);

        String debitClosed = submit(BankOperation.DEBIT, closed, 100);
        String creditClosed = submit(BankOperation.CREDIT, closed, 100);
        String debitUnknown = submit(BankOperation.DEBIT, iban(), 100);
        String creditUnknown = submit(BankOperation.CREDIT, iban(), 100);

        assertThat(awaitStatus(events, debitClosed, BankStatus.REFUSED).reason()).isEqualTo(RefusalReason.ACCOUNT_CLOSED);
        assertThat(awaitStatus(events, creditClosed, BankStatus.REFUSED).reason()).isEqualTo(RefusalReason.ACCOUNT_CLOSED);
        assertThat(awaitStatus(events, debitUnknown, BankStatus.REFUSED).reason()).isEqualTo(RefusalReason.MANDATE_INVALID);
        assertThat(awaitStatus(events, creditUnknown, BankStatus.REFUSED).reason()).isEqualTo(RefusalReason.ACCOUNT_CLOSED);
        assertThat(bank.balance(closed, "EUR").minorUnits()).isEqualTo(5_000);
        assertThatThrownBy(() -> bank.closeAccount(iban())).isInstanceOf(IllegalArgumentException.class);
        assertBooksBalance();
    }

    @Test
    void theSameIdempotencyKeyMovesMoneyOnceAndReReportsItsStatus() throws Exception {
        String customer = account("Dave", 10_000);
        long accordBefore = accordBalance();
        BankInstruction debit = instruction(UUID.randomUUID().toString(), BankOperation.DEBIT, customer, 3_000);

        bank.submit(debit);
        bank.submit(debit); // before or while it is processed
        awaitStatus(events, debit.idempotencyKey(), BankStatus.SETTLED);
        bank.submit(debit); // after settlement: re-reported, not re-booked
        await(() -> events.of(debit.idempotencyKey()).size() >= 2);

        assertThat(events.of(debit.idempotencyKey())).extracting(BankStatusUpdate::status).containsOnly(BankStatus.SETTLED);
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(7_000);
        assertThat(accordBalance()).isEqualTo(accordBefore + 3_000);
        assertThat(bank.statement().lines()).filteredOn(l -> l.idempotencyKey().equals(debit.idempotencyKey()))
                .hasSize(1);
        assertBooksBalance();
    }

    @Test
    void concurrentSubmissionsOfOneKeyMoveMoneyOnce() throws Exception {
        String customer = account("Olivia", 10_000);
        BankInstruction debit = instruction(UUID.randomUUID().toString(), BankOperation.DEBIT, customer, 1_000);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                done.add(pool.submit(() -> {
                    bank.submit(debit);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        awaitStatus(events, debit.idempotencyKey(), BankStatus.SETTLED);
        Thread.sleep(200);
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(9_000);
        assertBooksBalance();
    }

    // ------------------------------------------------------------------ credits and returns

    @Test
    void creditPaysOutOfAccordsAccount() throws Exception {
        fundAccord(5_000);
        String merchant = account("Merchant Ltd", 0);
        long accordBefore = accordBalance();

        String key = submit(BankOperation.CREDIT, merchant, 4_000);

        awaitStatus(events, key, BankStatus.SETTLED);
        assertThat(bank.balance(merchant, "EUR").minorUnits()).isEqualTo(4_000);
        assertThat(accordBalance()).isEqualTo(accordBefore - 4_000);
        assertThat(bank.statement().lines()).filteredOn(l -> l.idempotencyKey().equals(key)).singleElement()
                .satisfies(l -> {
                    assertThat(l.operation()).isEqualTo(BankOperation.CREDIT);
                    assertThat(l.amount()).isEqualTo(Money.of(4_000, "EUR"));
                });
        assertBooksBalance();
    }

    @Test
    void aReturnedDebitGivesTheMoneyBackEvenIfAccordGoesNegative() throws Exception {
        String customer = account("Erin", 2_000);
        String merchant = account("Shop", 0);
        String debit = submit(BankOperation.DEBIT, customer, 2_000);
        awaitStatus(events, debit, BankStatus.SETTLED);
        long accordAfterDebit = accordBalance();
        // pay everything Accord holds out, so the return drives Accord's account negative
        String payout = submit(BankOperation.CREDIT, merchant, accordAfterDebit);
        awaitStatus(events, payout, BankStatus.SETTLED);
        assertThat(accordBalance()).isZero();

        bank.returnDebit(debit, RefusalReason.MANDATE_INVALID);

        BankStatusUpdate returned = awaitStatus(events, debit, BankStatus.RETURNED);
        assertThat(returned.reason()).isEqualTo(RefusalReason.MANDATE_INVALID);
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(2_000);
        assertThat(accordBalance()).isEqualTo(-2_000);
        assertThat(bank.instruction(debit)).get().extracting(StatementLine::status).isEqualTo(BankStatus.RETURNED);
        assertThatThrownBy(() -> bank.returnDebit(debit, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bank.returnDebit(payout, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bank.returnDebit("no-such-key", null)).isInstanceOf(IllegalArgumentException.class);
        // put Accord's account back to zero for the other tests
        fundAccord(2_000);
        assertBooksBalance();
    }

    // ------------------------------------------------------------------ availability, statement

    @Test
    void anUnavailableBankRefusesInstructionsAndStatements() throws Exception {
        String customer = account("Frank", 1_000);
        bank.setAvailable(false);
        try {
            assertThat(bank.available()).isFalse();
            assertThatThrownBy(() -> bank.submit(instruction("down-" + UUID.randomUUID(), BankOperation.DEBIT,
                    customer, 100))).isInstanceOf(BankException.class).hasMessage("bank unavailable");
            assertThatThrownBy(bank::statement).isInstanceOf(BankException.class).hasMessage("bank unavailable");
        } finally {
            bank.setAvailable(true);
        }
        String key = submit(BankOperation.DEBIT, customer, 100);
        awaitStatus(events, key, BankStatus.SETTLED);
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(900);
    }

    @Test
    void theStatementShowsAccordsBalancesAndItsInstructions() throws Exception {
        String customer = account("Grace", 10_000);
        bank.openAccount(customer, "Grace", "GBP", 10_000);
        String eur = submit(BankOperation.DEBIT, customer, 1_000);
        String gbp = bankSubmit(instruction(UUID.randomUUID().toString(), BankOperation.DEBIT, customer,
                Money.of(700, "GBP")));
        awaitStatus(events, eur, BankStatus.SETTLED);
        awaitStatus(events, gbp, BankStatus.SETTLED);

        BankStatement s = bank.statement();

        assertThat(s.bankId()).isEqualTo("ledger-ut");
        assertThat(s.balances()).contains(Money.of(accordBalance(), "EUR"))
                .anySatisfy(m -> assertThat(m.currency()).isEqualTo("GBP"));
        assertThat(s.lines()).extracting(StatementLine::idempotencyKey).containsSubsequence(eur, gbp);
        assertThat(bank.accounts()).anySatisfy(a -> {
            assertThat(a.accord()).isTrue();
            assertThat(a.iban()).isEqualTo(bank.accordIban());
        });
        assertBooksBalance();
    }

    @Test
    void theBooksAlwaysBalance() throws Exception {
        Random random = new Random(42);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(account("Customer " + i, 1_000 + random.nextInt(5_000)));
        }
        long before = sumOfNonEquityBalances();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String who = customers.get(random.nextInt(customers.size()));
            BankOperation op = random.nextInt(3) == 0 ? BankOperation.CREDIT : BankOperation.DEBIT;
            keys.add(submit(op, who, 1 + random.nextInt(1_500)));
        }
        for (String k : keys) {
            await(() -> events.has(k, BankStatus.SETTLED) || events.has(k, BankStatus.REFUSED));
        }
        String returned = keys.stream().filter(k -> events.has(k, BankStatus.SETTLED))
                .filter(k -> bank.instruction(k).orElseThrow().operation() == BankOperation.DEBIT).findFirst()
                .orElseThrow();
        bank.returnDebit(returned, RefusalReason.OTHER);
        awaitStatus(events, returned, BankStatus.RETURNED);

        assertThat(sumOfNonEquityBalances()).isEqualTo(before); // money only moved between accounts
        for (String c : customers) {
            assertThat(bank.balance(c, "EUR").minorUnits()).isNotNegative();
        }
        assertBooksBalance();
        // leave Accord's account where it was for the other tests
        long accord = accordBalance();
        if (accord > 0) {
            String sink = account("Sink", 0);
            awaitStatus(events, submit(BankOperation.CREDIT, sink, accord), BankStatus.SETTLED);
        } else if (accord < 0) {
            fundAccord(-accord);
        }
    }

    // ------------------------------------------------------------------ restarts and delivery

    @Test
    void unreportedNotificationsSurviveARestart() throws Exception {
        bank.close();
        bank = LedgerBankEngine.open(settings, clock, null); // nobody to tell yet
        String customer = account("Heidi", 1_000);
        String key = submit(BankOperation.DEBIT, customer, 400);
        await(() -> bank.instruction(key).isPresent());
        assertThat(bank.instruction(key).orElseThrow().status()).isEqualTo(BankStatus.SETTLED);
        bank.close();

        bank = LedgerBankEngine.open(settings, clock, events);

        awaitStatus(events, key, BankStatus.SETTLED);
        assertThat(events.of(key)).hasSize(1);
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(600);
    }

    @Test
    void unprocessedInstructionsResumeAfterARestart() throws Exception {
        String customer = account("Ivan", 1_000);
        bank.close();
        bank = LedgerBankEngine.open(settings, clock, events, false); // takes, but does not process
        String key = submit(BankOperation.DEBIT, customer, 250);
        Thread.sleep(300);
        assertThat(bank.instruction(key)).isEmpty();
        assertThat(events.of(key)).isEmpty();
        bank.close();

        bank = LedgerBankEngine.open(settings, clock, events);

        awaitStatus(events, key, BankStatus.SETTLED);
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(750);
    }

    @Test
    void notificationsReachAFailingBankEventsInOrderOnceItRecovers() throws Exception {
        bank.close();
        RecordingEvents flaky = new RecordingEvents(4);
        bank = LedgerBankEngine.open(settings, clock, flaky);
        String customer = account("Judy", 10_000);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(submit(BankOperation.DEBIT, customer, 100 + i));
        }
        awaitStatus(flaky, keys.get(keys.size() - 1), BankStatus.SETTLED);

        assertThat(flaky.calls.get()).isGreaterThanOrEqualTo(4 + keys.size());
        assertThat(flaky.received()).extracting(BankStatusUpdate::idempotencyKey).containsSubsequence(keys);
        assertThat(flaky.received()).extracting(BankStatusUpdate::idempotencyKey)
                .filteredOn(keys::contains).containsExactlyElementsOf(keys);
    }

    @Test
    void aBankEventsBoundLaterReceivesEverythingWaiting() throws Exception {
        bank.setEvents(null);
        String customer = account("Ken", 1_000);
        String key = submit(BankOperation.DEBIT, customer, 100);
        await(() -> bank.instruction(key).isPresent());
        Thread.sleep(200);
        assertThat(events.of(key)).isEmpty();

        RecordingEvents late = new RecordingEvents();
        bank.setEvents(late);

        awaitStatus(late, key, BankStatus.SETTLED);
    }

    @Test
    void withASettlementDelayTheBankAcceptsFirstAndSettlesLater() throws Exception {
        bank.close();
        bank = LedgerBankEngine.open(LedgerSettings.of("ledger-ut", url, user(), "", 60_000), clock, events);
        String customer = account("Liz", 1_000);
        String key = submit(BankOperation.DEBIT, customer, 300);

        awaitStatus(events, key, BankStatus.ACCEPTED);
        Thread.sleep(300);
        assertThat(events.has(key, BankStatus.SETTLED)).isFalse();
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(1_000);

        clock.advance(Duration.ofMinutes(2)); // Accord's clock, not the wall clock, decides
        awaitStatus(events, key, BankStatus.SETTLED);
        assertThat(events.of(key)).extracting(BankStatusUpdate::status)
                .containsExactly(BankStatus.ACCEPTED, BankStatus.SETTLED);
        assertThat(bank.balance(customer, "EUR").minorUnits()).isEqualTo(700);
    }

    @Test
    void accountsAreValidatedAndReopenable() {
        assertThatThrownBy(() -> bank.openAccount("FR7630006000011234567890188", "X", "EUR", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bank.openAccount(iban(), "X", "eur", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bank.openAccount(iban(), "X", "EUR", -1)).isInstanceOf(IllegalArgumentException.class);
        String iban = account("Mallory", 500);
        bank.closeAccount(iban);
        LedgerAccount again = bank.openAccount(iban, "Mallory", "EUR", 9_999);
        assertThat(again.open()).isTrue();
        assertThat(again.balance().minorUnits()).isEqualTo(500);
        assertThat(bank.accounts()).extracting(LedgerAccount::iban).contains(iban)
                .doesNotContain(Books.EQUITY_IBAN);
    }

    // ------------------------------------------------------------------ helpers

    /** Books balance: legs sum to zero per entry and overall, balances agree with legs and sum to zero. */
    void assertBooksBalance() throws Exception {
        LedgerDatabase db = bank.database();
        assertThat(db.transact(Books::unbalancedEntries)).isZero();
        assertThat(db.transact(Books::sumOfLegs)).isZero();
        assertThat(db.transact(Books::sumOfBalances)).isZero();
        assertThat(db.transact(Books::balancesNotMatchingLegs)).isZero();
    }

    long sumOfNonEquityBalances() {
        return bank.accounts().stream().filter(a -> a.currency().equals("EUR"))
                .mapToLong(a -> a.balance().minorUnits()).sum();
    }

    long accordBalance() {
        return bank.account(bank.accordIban(), "EUR").map(a -> a.balance().minorUnits()).orElse(0L);
    }

    /** Puts money on Accord's account through a settled debit from a new customer. */
    void fundAccord(long amount) throws Exception {
        String funder = account("Funder", amount);
        awaitStatus(events, submit(BankOperation.DEBIT, funder, amount), BankStatus.SETTLED);
    }

    String account(String holder, long balance) {
        String iban = iban();
        bank.openAccount(iban, holder, "EUR", balance);
        return iban;
    }

    String submit(BankOperation op, String iban, long amount) throws BankException {
        return bankSubmit(instruction(UUID.randomUUID().toString(), op, iban, amount));
    }

    String bankSubmit(BankInstruction i) throws BankException {
        bank.submit(i);
        return i.idempotencyKey();
    }

    static BankInstruction instruction(String key, BankOperation op, String iban, long amount) {
        return instruction(key, op, iban, Money.of(amount, "EUR"));
    }

    static BankInstruction instruction(String key, BankOperation op, String iban, Money amount) {
        return new BankInstruction(key, op, new BankAccount(iban, null, "holder"), amount, "purchase " + key);
    }

    /** @return a fresh French IBAN with valid check digits */
    static String iban() {
        String bban = "3000600001" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        String digits = new StringBuilder().append(bban).append("152700").toString(); // FR00
        int check = 98 - new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
        return String.format("FR%02d%s", check, bban);
    }

    static BankStatusUpdate awaitStatus(RecordingEvents ev, String key, BankStatus status) throws Exception {
        await(() -> ev.has(key, status));
        return ev.of(key).stream().filter(u -> u.status() == status).findFirst().orElseThrow();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(10);
        }
    }
}
