package org.accordpay.api.purchase.dto;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
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
 */
public record Purchase(String id, String merchantId, String customerId, String merchantOrderRef,
        List<PurchaseItem> items, Money total, Money refunded, PurchaseState state, Mode mode,
        Instant createdAt, Instant updatedAt) {

    /** Copies the basket. */
    public Purchase {
        items = List.copyOf(items);
    }
}
