package org.accordpay.api.purchase.dto;

import java.time.Instant;

/**
 * Something a merchant is told about one of its purchases (step 7 and after); the merchant API
 * delivers these as signed webhooks and lets merchants list and replay them.
 *
 * @param seq        increasing sequence number, the merchant's cursor
 * @param eventId    unique id, for the merchant to de-duplicate
 * @param merchantId the merchant
 * @param purchaseId the purchase
 * @param type       e.g. {@code purchase.in_escrow}, {@code purchase.settled}
 * @param json       the event body (JSON); {@code purchase.in_escrow} carries the delivery address
 * @param at         when it happened
 */
public record MerchantEvent(long seq, String eventId, String merchantId, String purchaseId, String type, String json,
        Instant at) {
}
