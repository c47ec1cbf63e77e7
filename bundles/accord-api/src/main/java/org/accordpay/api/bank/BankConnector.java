package org.accordpay.api.bank;

import org.accordpay.api.bank.dto.BankInstruction;

/**
 * SPI of a bank connection (built-in ledger bank, ISO 20022 files, ...). Asynchronous:
 * {@link #submit} only hands the instruction over; the outcome arrives later through
 * {@link BankEvents}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface BankConnector {

    /** Service property carrying the bank connection id. */
    String ID_PROPERTY = "accord.bank.id";

    /** @return the configured connection id, stable across restarts */
    String id();

    /**
     * Hands an instruction to the bank. Submitting the same idempotency key twice must not
     * move money twice.
     *
     * @throws BankException when the bank cannot take it now
     */
    void submit(BankInstruction instruction) throws BankException;
}
