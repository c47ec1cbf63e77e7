package org.accordpay.payments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accordpay.api.bank.BankException;
import org.accordpay.api.bank.dto.BankOperation;
import org.accordpay.api.bank.dto.BankStatement;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.StatementLine;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Books;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.dto.AccountBalance;
import org.accordpay.api.purchase.dto.ReconciliationReport;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.dto.BankInstructionRecord;
import org.accordpay.api.store.dto.InstructionStatus;
import org.accordpay.api.store.dto.PostingLeg;
import org.accordpay.api.time.AccordClock;

/**
 * Accord's books as operators read them, and their reconciliation with a bank: instruction by
 * instruction (status and amount), then the balance of Accord's account there.
 */
final class Reconciliation implements Books {

    private final AccordStore store;
    private final AccordClock clock;
    private final Connectors connectors;

    Reconciliation(AccordStore store, AccordClock clock, Connectors connectors) {
        this.store = store;
        this.clock = clock;
        this.connectors = connectors;
    }

    @Override
    public List<AccountBalance> balances() {
        return store.transact(tx -> tx.ledger().balances()).stream()
                .map(l -> new AccountBalance(l.account(), l.amount())).toList();
    }

    @Override
    public boolean balanced() {
        Map<String, Long> sums = new HashMap<>();
        for (PostingLeg l : store.transact(tx -> tx.ledger().balances())) {
            sums.merge(l.amount().currency(), l.amount().minorUnits(), Math::addExact);
        }
        return sums.values().stream().allMatch(v -> v == 0);
    }

    @Override
    public ReconciliationReport reconcile(String bankId) {
        Connectors.Bank bank = connectors.bank(bankId)
                .orElseThrow(() -> new PurchaseException("bank-unavailable", "bank " + bankId + " is not connected"));
        BankStatement statement;
        try {
            statement = bank.connector().statement();
        } catch (BankException e) {
            throw new PurchaseException("bank-unavailable", "bank " + bankId + ": " + e.getMessage());
        }
        // one transaction: the instructions and the balances are the same moment's
        record Snapshot(List<BankInstructionRecord> instructions, List<PostingLeg> balances) {
        }
        Snapshot snapshot = store.transact(tx -> new Snapshot(tx.bankInstructions().forBank(bankId),
                tx.ledger().balances()));
        List<BankInstructionRecord> ours = snapshot.instructions();
        List<PostingLeg> books = snapshot.balances();
        Map<String, StatementLine> theirs = new HashMap<>();
        statement.lines().forEach(l -> theirs.put(l.idempotencyKey(), l));
        List<String> differences = new ArrayList<>();
        Map<String, Long> inFlightEffect = new TreeMap<>();
        int inFlight = 0;
        for (BankInstructionRecord i : ours) {
            StatementLine line = theirs.remove(i.idempotencyKey());
            BankStatus bankSays = line == null ? null : line.status();
            if (line != null && !line.amount().equals(i.amount())) {
                differences.add(i.idempotencyKey() + ": Accord asked " + i.amount() + ", bank booked " + line.amount());
                continue;
            }
            boolean weSettled = i.status() == InstructionStatus.SETTLED;
            boolean weReturned = i.status() == InstructionStatus.RETURNED;
            boolean pending = i.status() == InstructionStatus.REQUESTED || i.status() == InstructionStatus.ACCEPTED;
            if (bankSays == BankStatus.SETTLED && pending || bankSays == BankStatus.RETURNED && weSettled
                    || bankSays == BankStatus.REFUSED && pending) {
                inFlight++;
                long sign = line.operation() == BankOperation.DEBIT ? 1 : -1;
                long effect = bankSays == BankStatus.SETTLED ? sign : bankSays == BankStatus.RETURNED ? -sign : 0;
                inFlightEffect.merge(i.amount().currency(), effect * i.amount().minorUnits(), Long::sum);
            } else if ((weSettled || weReturned) && bankSays == null) {
                differences.add(i.idempotencyKey() + ": Accord has it " + i.status() + ", the bank has no such booking");
            } else if (weSettled && bankSays != BankStatus.SETTLED || weReturned && bankSays != BankStatus.RETURNED) {
                differences.add(i.idempotencyKey() + ": Accord has it " + i.status() + ", the bank " + bankSays);
            } else if (i.status() == InstructionStatus.REFUSED && (bankSays == BankStatus.SETTLED
                    || bankSays == BankStatus.RETURNED)) {
                differences.add(i.idempotencyKey() + ": Accord has it REFUSED, the bank " + bankSays);
            }
        }
        for (StatementLine extra : theirs.values()) {
            if (extra.status() == BankStatus.SETTLED || extra.status() == BankStatus.RETURNED) {
                differences.add(extra.idempotencyKey() + ": booked by the bank (" + extra.status() + " "
                        + extra.amount() + "), unknown to Accord");
            }
        }
        String account = Postings.bank(bankId);
        Map<String, Long> accord = new TreeMap<>();
        books.stream().filter(l -> l.account().equals(account))
                .forEach(l -> accord.put(l.amount().currency(), l.amount().minorUnits()));
        Map<String, Long> bankBalances = new TreeMap<>();
        statement.balances().forEach(m -> bankBalances.put(m.currency(), m.minorUnits()));
        TreeSet<String> currencies = new TreeSet<>(accord.keySet());
        currencies.addAll(bankBalances.keySet());
        for (String c : currencies) {
            long expected = accord.getOrDefault(c, 0L) + inFlightEffect.getOrDefault(c, 0L);
            long actual = bankBalances.getOrDefault(c, 0L);
            if (expected != actual) {
                differences.add("balance " + c + ": Accord's books say " + accord.getOrDefault(c, 0L)
                        + (inFlight > 0 ? " (+" + inFlightEffect.getOrDefault(c, 0L) + " in flight)" : "")
                        + ", the bank says " + actual);
            }
        }
        return new ReconciliationReport(bankId, clock.now(), toMoney(accord), statement.balances(), differences,
                inFlight);
    }

    private static List<Money> toMoney(Map<String, Long> balances) {
        return balances.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList();
    }
}
