package org.accordpay.api.bank;

import org.accordpay.api.bank.dto.BankInstruction;
import org.accordpay.api.bank.dto.BankStatement;

/**
 * SPI of a bank connection (built-in ledger bank, ISO 20022 files, ...). Asynchronous:
 * {@link #submit} only hands the instruction over; the outcome arrives later through
 * {@link BankEvents}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface BankConnector {

    /** Service property carrying the bank connection id. */
    String ID_PROPERTY = "accord.bank.id";

    /** Service property: {@code live} or {@code test} (test traffic only ever goes to test banks). */
    String MODE_PROPERTY = "accord.bank.mode";

    /** @return the configured connection id, stable across restarts */
    String id();

    /**
     * Hands an instruction to the bank. Submitting the same idempotency key twice must not
     * move money twice.
     *
     * @throws BankException when the bank cannot take it now
     */
    void submit(BankInstruction instruction) throws BankException;

    /**
     * Reconciliation: the bank's own view of Accord's account there.
     *
     * @return the balances of Accord's account and every instruction the bank booked on it
     * @throws BankException when the bank cannot answer now
     */
    BankStatement statement() throws BankException;
}
