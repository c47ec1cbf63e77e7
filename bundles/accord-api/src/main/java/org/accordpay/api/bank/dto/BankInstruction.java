package org.accordpay.api.bank.dto;

import org.accordpay.api.money.Money;
import org.accordpay.api.registry.dto.BankAccount;

/**
 * One money movement asked of a bank. Banks must treat a repeated
 * {@link #idempotencyKey()} as the same instruction.
 *
 * @param idempotencyKey unique per money movement; repeated on every retry
 * @param operation      debit or credit
 * @param counterparty   the customer's or merchant's account
 * @param amount         positive amount
 * @param reference      remittance text (purchase id)
 */
public record BankInstruction(String idempotencyKey, BankOperation operation, BankAccount counterparty,
        Money amount, String reference) {

    /** Checks the amount is positive. */
    public BankInstruction {
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("a bank instruction moves a positive amount");
        }
    }
}
