package org.accordpay.api.purchase.dto;

import java.time.Instant;

/**
 * One step of a purchase's history, as its audit trail recorded it: what happened and when.
 *
 * @param at   when the step committed (UTC)
 * @param type the audit event type, e.g. {@code purchase.requested}, {@code sms.queued} (challenge sent),
 *             {@code purchase.in_escrow} (debited), {@code purchase.shipped}, {@code purchase.settled} (paid out)
 * @since 1.2
 */
public record PurchaseStep(Instant at, String type) {
}
