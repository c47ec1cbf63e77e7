package org.accordpay.bank.ledger.internal;

import java.util.UUID;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankOperation;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.money.Money;
import org.accordpay.api.registry.dto.BankAccount;

/**
 * Child process of {@link CrashResumeTest}: takes one debit on the given database (reporting to
 * nobody, or to a recording BankEvents with a fourth argument {@code report}), then dies like a
 * power cut, either at a fault point (run with {@code -Daccord.fault}) or right after the debit
 * settled.
 */
public final class CrashingBank {

    private CrashingBank() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String iban = args[1];
        String key = args[2];
        boolean report = args.length > 3 && args[3].equals("report");
        LedgerBankEngine bank = LedgerBankEngine.open(LedgerSettings.of("ledger-ut", url, "sa", "", 0),
                new TestClock(), report ? new RecordingEvents() : null);
        bank.submit(new BankInstruction(key, BankOperation.DEBIT, new BankAccount(iban, null, "payer"),
                Money.of(400, "EUR"), "crash " + UUID.randomUUID()));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!report && bank.instruction(key).isPresent()) {
                Runtime.getRuntime().halt(FaultPoint.HALT_STATUS); // settled and committed: pull the plug
            }
            Thread.sleep(5);
        }
        Runtime.getRuntime().halt(1);
    }
}
