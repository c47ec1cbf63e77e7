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
 * @param customerId       customer
 * @param merchantOrderRef merchant's order reference
 * @param items            basket lines, in order
 * @param total            total amount
 * @param state            current state
 * @param mode             live or test
 * @param createdAt        creation time
 * @param updatedAt        last change
 */
public record PurchaseRecord(String id, String merchantId, String customerId, String merchantOrderRef,
        List<PurchaseItem> items, Money total, PurchaseState state, Mode mode, Instant createdAt,
        Instant updatedAt) {

    /** Copies the basket. */
    public PurchaseRecord {
        items = List.copyOf(items);
    }
}
