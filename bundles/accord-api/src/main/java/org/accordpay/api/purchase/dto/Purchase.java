package org.accordpay.api.purchase.dto;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.api.purchase.PurchaseState;

/**
 * A purchase as merchants and consoles see it.
 *
 * @param id               Accord's purchase id
 * @param merchantId       the merchant
 * @param customerId       the customer (registry id)
 * @param merchantOrderRef the merchant's order reference
 * @param items            the basket
 * @param total            the amount approved or to approve
 * @param refunded         what has been given back so far
 * @param state            current state
 * @param mode             live or test
 * @param createdAt        when the request was accepted
 * @param updatedAt        last state change
 * @param reason           why the purchase is in its state when that needs saying (refusal reason,
 *                         dispute reason...), or null
 * @param deliveryAddress  where to ship: set only once the money is in escrow (step 7), else null
 * @param courierId        courier the merchant shipped with, or null
 * @param trackingRef      the courier's tracking reference, or null
 */
public record Purchase(String id, String merchantId, String customerId, String merchantOrderRef,
        List<PurchaseItem> items, Money total, Money refunded, PurchaseState state, Mode mode,
        Instant createdAt, Instant updatedAt, String reason, PostalAddress deliveryAddress, String courierId,
        String trackingRef) {

    /** Copies the basket. */
    public Purchase {
        items = List.copyOf(items);
    }
}
