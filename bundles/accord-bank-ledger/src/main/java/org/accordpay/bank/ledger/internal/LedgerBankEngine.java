package org.accordpay.bank.ledger.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.bank.BankEvents;
import org.accordpay.api.bank.BankException;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankOperation;
import org.accordpay.api.bank.dto.BankStatement;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.bank.dto.StatementLine;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.money.Money;
import org.accordpay.api.time.AccordClock;
import org.accordpay.bank.ledger.LedgerBank;
import org.accordpay.bank.ledger.dto.LedgerAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger bank itself, plain Java: takes instructions into its own database, processes them
 * on a worker thread (one balanced journal entry and one outbox notification per outcome, in
 * one transaction), and lets a {@link StatusNotifier} report the outcomes. Everything is in the
 * database, so a new engine on the same database resumes where a stopped or crashed one was.
 */
final class LedgerBankEngine implements BankConnector, LedgerBank, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBankEngine.class);

    static final int MAX_KEY_LENGTH = 191;
    private static final long POLL_MS = 100;
    private static final int BATCH = 100;

    private final LedgerSettings settings;
    private final AccordClock clock;
    private final LedgerDatabase db;
    private final StatusNotifier notifier;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean workQueued = new AtomicBoolean();
    private final boolean process;
    private volatile boolean available = true;
    /** Last database problem the worker logged, so a database outage is logged once (worker thread only). */
    private String lastProblem;

    private LedgerBankEngine(LedgerSettings settings, AccordClock clock, LedgerDatabase db, BankEvents events,
            boolean process) {
        this.settings = settings;
        this.clock = clock;
        this.db = db;
        this.process = process;
        this.notifier = new StatusNotifier(settings.id(), db, clock, events);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "accord-bank-ledger-worker-" + settings.id());
            t.setDaemon(true);
            return t;
        });
        if (process) {
            worker.scheduleWithFixedDelay(this::processDue, 0, POLL_MS, TimeUnit.MILLISECONDS);
        }
        notifier.start();
    }

    /**
     * Opens the bank on its database (creating the tables and Accord's EUR account if absent)
     * and starts processing and reporting.
     */
    static LedgerBankEngine open(LedgerSettings settings, AccordClock clock, BankEvents events) throws SQLException {
        return open(settings, clock, events, true);
    }

    /** @param process false leaves taken instructions unprocessed (tests of a restart) */
    static LedgerBankEngine open(LedgerSettings settings, AccordClock clock, BankEvents events, boolean process)
            throws SQLException {
        LedgerDatabase db = LedgerDatabase.open(settings);
        try {
            Instant now = now(clock);
            db.transact(c -> {
                Books.ensureAccount(c, settings.accordIban(), "EUR", "Accord", Books.KIND_ACCORD, now);
                return null;
            });
        } catch (SQLException e) {
            if (!LedgerDatabase.isDuplicate(e)) {
                db.close();
                throw e;
            }
        }
        return new LedgerBankEngine(settings, clock, db, events, process);
    }

    /** A BankEvents service came or went. */
    void setEvents(BankEvents events) {
        notifier.setEvents(events);
    }

    LedgerSettings settings() {
        return settings;
    }

    LedgerDatabase database() {
        return db;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Ledger bank {}: worker still busy after 10 s", settings.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notifier.stop();
        db.close();
    }

    // ================================================================ BankConnector

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public void submit(BankInstruction instruction) throws BankException {
        Objects.requireNonNull(instruction, "instruction");
        String key = instruction.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        Objects.requireNonNull(instruction.operation(), "operation");
        Objects.requireNonNull(instruction.counterparty(), "counterparty");
        if (!available) {
            throw new BankException("bank unavailable");
        }
        try {
            try {
                take(instruction);
            } catch (SQLException e) {
                if (!LedgerDatabase.isDuplicate(e)) {
                    throw e;
                }
                take(instruction); // a concurrent submit of the same key won the insert: now a duplicate
            }
        } catch (SQLException e) {
            LOG.warn("Ledger bank {}: cannot take instruction {} ({})", settings.id(), key, e.toString());
            throw new BankException("bank unavailable: " + e.getMessage());
        }
        kickWorker();
        notifier.kick();
    }

    private void take(BankInstruction in) throws SQLException {
        Instant now = now(clock);
        db.transact(c -> {
            Optional<Books.InstructionRow> existing = Books.instruction(c, in.idempotencyKey(), true);
            if (existing.isEmpty()) {
                long seq = Books.next(c, "instruction");
                String iban = Ibans.normalize(in.counterparty().iban());
                Books.insertInstruction(c, new Books.InstructionRow(in.idempotencyKey(), seq, in.operation().name(),
                        iban == null ? "" : truncate(iban, 34), truncate(in.counterparty().holder(), 140),
                        in.amount().minorUnits(), in.amount().currency(), truncate(in.reference(), 255),
                        Books.RECEIVED, null, now, now, null));
                FaultPoint.reach("bank-ledger.submit.before-commit");
                return null;
            }
            Books.InstructionRow row = existing.get();
            if (!row.operation().equals(in.operation().name()) || row.amount() != in.amount().minorUnits()
                    || !row.currency().equals(in.amount().currency())) {
                LOG.warn("Ledger bank {}: instruction {} submitted again with different content; the first one stands",
                        settings.id(), in.idempotencyKey());
            }
            if (!Books.RECEIVED.equals(row.status())) {
                // same key again: no second movement, but tell Accord where it stands
                Books.notify(c, row.key(), row.status(), row.reason(), row.changedAt());
            }
            return null;
        });
    }

    @Override
    public BankStatement statement() throws BankException {
        if (!available) {
            throw new BankException("bank unavailable");
        }
        try {
            return db.transact(c -> {
                List<Money> balances = new ArrayList<>();
                for (Books.AccountRow a : Books.accounts(c, settings.accordIban())) {
                    balances.add(Money.of(a.balance(), a.currency()));
                }
                List<StatementLine> lines = new ArrayList<>();
                for (Books.InstructionRow i : Books.processed(c)) {
                    lines.add(line(i));
                }
                return new BankStatement(settings.id(), balances, lines);
            });
        } catch (SQLException e) {
            throw new BankException("bank unavailable: " + e.getMessage());
        }
    }

    // ================================================================ processing

    private void kickWorker() {
        if (process && workQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::processDue);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                workQueued.set(false);
            }
        }
    }

    /** One pass; never throws, or the scheduled executor would stop processing for good. */
    private void processDue() {
        workQueued.set(false);
        try {
            processBatch();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Ledger bank {}: processing pass failed; retrying", settings.id(), e);
        }
    }

    /** Processes up to a batch of due instructions, each in its own transaction. */
    private void processBatch() {
        List<String> keys;
        try {
            keys = db.transact(c -> Books.workDue(c, now(clock), BATCH));
        } catch (SQLException | RuntimeException e) {
            if (!e.toString().equals(lastProblem)) {
                LOG.warn("Ledger bank {}: cannot read pending instructions ({}); retrying", settings.id(), e.toString());
                lastProblem = e.toString();
            }
            return;
        }
        lastProblem = null;
        for (String key : keys) {
            if (worker.isShutdown()) {
                return;
            }
            try {
                if (db.transact(c -> process(c, key))) {
                    notifier.kick();
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Ledger bank {}: cannot process instruction {} ({}); retrying", settings.id(), key,
                        e.toString());
            }
        }
        if (keys.size() == BATCH) {
            kickWorker();
        }
    }

    /** @return true when an outcome went into the outbox */
    private boolean process(Connection c, String key) throws SQLException {
        Optional<Books.InstructionRow> found = Books.instruction(c, key, true);
        Instant now = now(clock);
        if (found.isEmpty()) {
            return false;
        }
        Books.InstructionRow i = found.get();
        boolean received = Books.RECEIVED.equals(i.status());
        boolean due = BankStatus.ACCEPTED.name().equals(i.status()) && i.dueAt() != null && !i.dueAt().isAfter(now);
        if (!received && !due) {
            return false;
        }
        String currency = i.currency();
        String accord = settings.accordIban();
        Books.ensureAccount(c, accord, currency, "Accord", Books.KIND_ACCORD, now);
        Books.lockInOrder(c, List.of(new Books.Leg(accord, currency, 0), new Books.Leg(i.counterpartyIban(), currency, 0)));
        RefusalReason refusal = check(c, i);
        if (refusal != null) {
            Books.updateInstruction(c, key, BankStatus.REFUSED.name(), refusal.name(), now, null);
            Books.notify(c, key, BankStatus.REFUSED.name(), refusal.name(), now);
        } else if (received && settings.settleDelayMs() > 0) {
            Instant dueAt = now.plus(Duration.ofMillis(settings.settleDelayMs()));
            Books.updateInstruction(c, key, BankStatus.ACCEPTED.name(), null, now, dueAt);
            Books.notify(c, key, BankStatus.ACCEPTED.name(), null, now);
        } else {
            boolean debit = BankOperation.DEBIT.name().equals(i.operation());
            String from = debit ? i.counterpartyIban() : accord;
            String to = debit ? accord : i.counterpartyIban();
            Books.post(c, i.operation(), key, now,
                    List.of(new Books.Leg(from, currency, -i.amount()), new Books.Leg(to, currency, i.amount())));
            Books.updateInstruction(c, key, BankStatus.SETTLED.name(), null, now, null);
            Books.notify(c, key, BankStatus.SETTLED.name(), null, now);
        }
        FaultPoint.reach("bank-ledger.process.before-commit");
        return true;
    }

    /** @return why the bank refuses the instruction now, or null when the money can move */
    private RefusalReason check(Connection c, Books.InstructionRow i) throws SQLException {
        if (i.counterpartyIban().equals(settings.accordIban())) {
            return RefusalReason.OTHER;
        }
        Optional<Books.AccountRow> party = Books.account(c, i.counterpartyIban(), i.currency(), false);
        if (BankOperation.DEBIT.name().equals(i.operation())) {
            if (party.isEmpty()) {
                // an account in another currency: wrong instruction; no account at all: no valid mandate
                return Books.anyCurrency(c, i.counterpartyIban()) ? RefusalReason.OTHER : RefusalReason.MANDATE_INVALID;
            }
            if (!party.get().open()) {
                return RefusalReason.ACCOUNT_CLOSED;
            }
            return party.get().balance() < i.amount() ? RefusalReason.INSUFFICIENT_FUNDS : null;
        }
        if (party.isEmpty() || !party.get().open()) {
            return RefusalReason.ACCOUNT_CLOSED;
        }
        Books.AccountRow accord = Books.account(c, settings.accordIban(), i.currency(), false).orElseThrow();
        return accord.balance() < i.amount() ? RefusalReason.INSUFFICIENT_FUNDS : null;
    }

    // ================================================================ LedgerBank

    @Override
    public String accordIban() {
        return settings.accordIban();
    }

    @Override
    public LedgerAccount openAccount(String iban, String holder, String currency, long startingBalanceMinor) {
        String normalized = Ibans.normalize(iban);
        if (!Ibans.isValid(normalized)) {
            throw new IllegalArgumentException("not a valid IBAN: " + iban);
        }
        Money.of(0, currency); // validates the currency code
        if (startingBalanceMinor < 0) {
            throw new IllegalArgumentException("starting balance must not be negative");
        }
        String name = holder == null || holder.isBlank() ? normalized : truncate(holder.trim(), 140);
        String kind = normalized.equals(settings.accordIban()) ? Books.KIND_ACCORD : Books.KIND_CUSTOMER;
        return sql(() -> db.transact(c -> {
            Instant now = now(clock);
            Optional<Books.AccountRow> existing = Books.account(c, normalized, currency, true);
            if (existing.isPresent()) {
                Books.reopen(c, normalized, currency, name);
            } else {
                Books.insertAccount(c, normalized, currency, name, kind, now);
                if (startingBalanceMinor > 0) {
                    Books.ensureAccount(c, Books.EQUITY_IBAN, currency, "Ledger bank equity", Books.KIND_EQUITY, now);
                    Books.lockInOrder(c, List.of(new Books.Leg(Books.EQUITY_IBAN, currency, 0)));
                    Books.post(c, "OPENING", null, now, List.of(
                            new Books.Leg(Books.EQUITY_IBAN, currency, -startingBalanceMinor),
                            new Books.Leg(normalized, currency, startingBalanceMinor)));
                }
            }
            return toAccount(Books.account(c, normalized, currency, false).orElseThrow());
        }));
    }

    @Override
    public void closeAccount(String iban) {
        String normalized = Ibans.normalize(iban);
        int closed = sql(() -> db.transact(c -> Books.setStatus(c, normalized, Books.CLOSED)));
        if (closed == 0) {
            throw new IllegalArgumentException("no account " + iban);
        }
    }

    @Override
    public Optional<LedgerAccount> account(String iban, String currency) {
        String normalized = Ibans.normalize(iban);
        return sql(() -> db.transact(c -> Books.account(c, normalized, currency, false)))
                .filter(a -> !Books.KIND_EQUITY.equals(a.kind()))
                .map(LedgerBankEngine::toAccount);
    }

    @Override
    public Money balance(String iban, String currency) {
        return account(iban, currency).map(LedgerAccount::balance)
                .orElseThrow(() -> new IllegalArgumentException("no account " + iban + " in " + currency));
    }

    @Override
    public List<LedgerAccount> accounts() {
        return sql(() -> db.transact(c -> Books.accounts(c, null))).stream().map(LedgerBankEngine::toAccount).toList();
    }

    @Override
    public void setAvailable(boolean available) {
        this.available = available;
        LOG.info("Ledger bank {} is now {}", settings.id(), available ? "available" : "unavailable");
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public void returnDebit(String idempotencyKey, RefusalReason reason) {
        RefusalReason why = reason == null ? RefusalReason.OTHER : reason;
        sql(() -> db.transact(c -> {
            Books.InstructionRow i = Books.instruction(c, idempotencyKey, true)
                    .orElseThrow(() -> new IllegalArgumentException("no instruction " + idempotencyKey));
            if (!BankOperation.DEBIT.name().equals(i.operation()) || !BankStatus.SETTLED.name().equals(i.status())) {
                throw new IllegalStateException("only a settled debit can be returned; " + idempotencyKey + " is a "
                        + i.status() + " " + i.operation());
            }
            Instant now = now(clock);
            String accord = settings.accordIban();
            Books.lockInOrder(c, List.of(new Books.Leg(accord, i.currency(), 0),
                    new Books.Leg(i.counterpartyIban(), i.currency(), 0)));
            // back to the payer even if that leaves Accord's account negative
            Books.post(c, "RETURN", idempotencyKey, now, List.of(new Books.Leg(accord, i.currency(), -i.amount()),
                    new Books.Leg(i.counterpartyIban(), i.currency(), i.amount())));
            Books.updateInstruction(c, idempotencyKey, BankStatus.RETURNED.name(), why.name(), now, null);
            Books.notify(c, idempotencyKey, BankStatus.RETURNED.name(), why.name(), now);
            return null;
        }));
        notifier.kick();
    }

    @Override
    public Optional<StatementLine> instruction(String idempotencyKey) {
        return sql(() -> db.transact(c -> Books.instruction(c, idempotencyKey, false)))
                .filter(i -> !Books.RECEIVED.equals(i.status()))
                .map(LedgerBankEngine::line);
    }

    /** @return the balances of Accord's account per currency, for the shell */
    Map<String, Long> accordBalances() {
        Map<String, Long> out = new TreeMap<>();
        for (LedgerAccount a : accounts()) {
            if (a.accord()) {
                out.put(a.currency(), a.balance().minorUnits());
            }
        }
        return out;
    }

    // ================================================================ helpers

    private static StatementLine line(Books.InstructionRow i) {
        return new StatementLine(i.key(), BankOperation.valueOf(i.operation()), Money.of(i.amount(), i.currency()),
                BankStatus.valueOf(i.status()), i.reason() == null ? null : RefusalReason.valueOf(i.reason()),
                i.changedAt());
    }

    private static LedgerAccount toAccount(Books.AccountRow a) {
        return new LedgerAccount(a.iban(), a.holder(), a.open(), Books.KIND_ACCORD.equals(a.kind()),
                Money.of(a.balance(), a.currency()));
    }

    /** The database keeps microseconds: so do the times the bank hands out. */
    private static Instant now(AccordClock clock) {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** Test controls are unchecked: a database failure there is a broken test environment. */
    private <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new IllegalStateException("ledger bank " + settings.id() + " database: " + e.getMessage(), e);
        }
    }
}
