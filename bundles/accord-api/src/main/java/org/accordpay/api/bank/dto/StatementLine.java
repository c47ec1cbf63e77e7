package org.accordpay.api.bank.dto;

import java.time.Instant;
import org.accordpay.api.money.Money;

/**
 * One instruction as the bank booked it.
 *
 * @param idempotencyKey the instruction's key
 * @param operation      debit (money in to Accord) or credit (money out of Accord)
 * @param amount         positive amount
 * @param status         the bank's last status for it
 * @param reason         refusal or return reason, or null
 * @param at             when the bank last changed it
 */
public record StatementLine(String idempotencyKey, BankOperation operation, Money amount, BankStatus status,
        RefusalReason reason, Instant at) {
}
