package org.accordpay.api.store.dto;

import java.time.Instant;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.dto.BankAccount;

/**
 * A money movement Accord asked of a bank, with the connector and mode it used.
 *
 * @param idempotencyKey key sent to the bank on every attempt
 * @param purchaseId     the purchase
 * @param kind           debit, payout or refund
 * @param bankId         bank connection id
 * @param mode           live or test
 * @param counterparty   customer's or merchant's account
 * @param amount         positive amount
 * @param status         last known status
 * @param reason         refusal or return reason, or null
 * @param createdAt      when requested
 * @param updatedAt      last status change
 */
public record BankInstructionRecord(String idempotencyKey, String purchaseId, InstructionKind kind, String bankId,
        Mode mode, BankAccount counterparty, Money amount, InstructionStatus status, RefusalReason reason,
        Instant createdAt, Instant updatedAt) {
}
