package org.accordpay.payments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.bank.BankException;
import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankStatement;

/** A bank that only records what it was handed; the tests answer for it through BankEvents. */
final class FakeBank implements BankConnector {

    final List<BankInstruction> submitted = new ArrayList<>();
    final Map<String, BankInstruction> byKey = new ConcurrentHashMap<>();
    volatile boolean down;

    @Override
    public String id() {
        return "ledger";
    }

    @Override
    public synchronized void submit(BankInstruction instruction) throws BankException {
        if (down) {
            throw new BankException("bank unavailable");
        }
        submitted.add(instruction);
        byKey.put(instruction.idempotencyKey(), instruction);
    }

    @Override
    public BankStatement statement() throws BankException {
        throw new BankException("no statements from the fake bank");
    }
}
