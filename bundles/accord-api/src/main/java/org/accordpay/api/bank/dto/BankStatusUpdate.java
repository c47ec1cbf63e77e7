package org.accordpay.api.bank.dto;

import java.time.Instant;

/**
 * A bank's answer about one instruction, delivered asynchronously.
 *
 * @param bankId         connector that reports
 * @param idempotencyKey the instruction's key
 * @param status         new status
 * @param reason         refusal or return reason, null otherwise
 * @param at             when the bank reported it
 */
public record BankStatusUpdate(String bankId, String idempotencyKey, BankStatus status, RefusalReason reason,
        Instant at) {
}
