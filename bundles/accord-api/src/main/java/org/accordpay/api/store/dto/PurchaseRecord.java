package org.accordpay.api.store.dto;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.PurchaseItem;

/**
 * A purchase row.
 *
 * @param id               purchase id
 * @param merchantId       merchant
 * @param customerId       customer, or null while a hosted checkout waits for its buyer
 * @param merchantOrderRef merchant's order reference
 * @param items            basket lines, in order
 * @param total            total amount
 * @param state            current state
 * @param mode             live or test
 * @param createdAt        creation time
 * @param updatedAt        last change
 * @param refunded         amount given back so far (same currency as {@code total})
 * @param challengeId      the challenge sent for this purchase, or null before it is issued
 * @param reason           why the purchase is in its state when that needs saying, or null
 * @param courierId        courier the merchant shipped with, or null
 * @param trackingRef      courier tracking reference, or null
 * @param shippedAt        when marked shipped, or null
 * @param disputedFrom     the state a DISPUTED purchase was in when the dispute opened, or null
 * @param returnUrl        where to send the buyer back, or null
 */
public record PurchaseRecord(String id, String merchantId, String customerId, String merchantOrderRef,
        List<PurchaseItem> items, Money total, PurchaseState state, Mode mode, Instant createdAt,
        Instant updatedAt, Money refunded, String challengeId, String reason, String courierId, String trackingRef,
        Instant shippedAt, PurchaseState disputedFrom, String returnUrl) {

    /** Copies the basket; a missing refunded amount is zero. */
    public PurchaseRecord {
        items = List.copyOf(items);
        if (refunded == null) {
            refunded = Money.of(0, total.currency());
        }
    }

    /** A new purchase: nothing refunded, no challenge, shipment or dispute yet. */
    public PurchaseRecord(String id, String merchantId, String customerId, String merchantOrderRef,
            List<PurchaseItem> items, Money total, PurchaseState state, Mode mode, Instant createdAt,
            Instant updatedAt) {
        this(id, merchantId, customerId, merchantOrderRef, items, total, state, mode, createdAt, updatedAt, null, null,
                null, null, null, null, null, null);
    }

    /** @return this purchase in state {@code next} at {@code at}, with {@code why} as its reason (null keeps it) */
    public PurchaseRecord moveTo(PurchaseState next, Instant at, String why) {
        return new PurchaseRecord(id, merchantId, customerId, merchantOrderRef, items, total, next, mode, createdAt, at,
                refunded, challengeId, why == null ? reason : why, courierId, trackingRef, shippedAt, disputedFrom,
                returnUrl);
    }

    /** @return this purchase with its challenge recorded */
    public PurchaseRecord withChallenge(String issuedChallengeId) {
        return new PurchaseRecord(id, merchantId, customerId, merchantOrderRef, items, total, state, mode, createdAt,
                updatedAt, refunded, issuedChallengeId, reason, courierId, trackingRef, shippedAt, disputedFrom,
                returnUrl);
    }

    /** @return this purchase with {@code more} added to what was refunded */
    public PurchaseRecord withRefund(Money more) {
        return new PurchaseRecord(id, merchantId, customerId, merchantOrderRef, items, total, state, mode, createdAt,
                updatedAt, refunded.plus(more), challengeId, reason, courierId, trackingRef, shippedAt, disputedFrom,
                returnUrl);
    }

    /** @return this purchase with its shipment recorded */
    public PurchaseRecord withShipment(String courier, String tracking, Instant at) {
        return new PurchaseRecord(id, merchantId, customerId, merchantOrderRef, items, total, state, mode, createdAt,
                updatedAt, refunded, challengeId, reason, courier, tracking, at, disputedFrom, returnUrl);
    }

    /** @return this purchase remembering the state a dispute interrupted (null clears it) */
    public PurchaseRecord withDisputedFrom(PurchaseState from) {
        return new PurchaseRecord(id, merchantId, customerId, merchantOrderRef, items, total, state, mode, createdAt,
                updatedAt, refunded, challengeId, reason, courierId, trackingRef, shippedAt, from, returnUrl);
    }

    /** @return this purchase with a return URL */
    public PurchaseRecord withReturnUrl(String url) {
        return new PurchaseRecord(id, merchantId, customerId, merchantOrderRef, items, total, state, mode, createdAt,
                updatedAt, refunded, challengeId, reason, courierId, trackingRef, shippedAt, disputedFrom, url);
    }

    /**
     * @return this purchase with its customer, for a hosted checkout whose buyer just identified
     * @since 1.3
     */
    public PurchaseRecord withCustomer(String customer) {
        return new PurchaseRecord(id, merchantId, customer, merchantOrderRef, items, total, state, mode, createdAt,
                updatedAt, refunded, challengeId, reason, courierId, trackingRef, shippedAt, disputedFrom, returnUrl);
    }

    /** @return what is still held for this purchase: total minus refunds */
    public Money remaining() {
        return total.minus(refunded);
    }
}
