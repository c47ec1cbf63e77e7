package org.accordpay.api.purchase.dto;

import java.util.List;
import org.accordpay.api.purchase.Mode;

/**
 * What a merchant asks for in step 2.
 *
 * @param merchantId       the admitted merchant asking
 * @param customer         the buyer, by phone or reference
 * @param items            the basket, at least one line
 * @param currency         ISO 4217 code of every price
 * @param merchantOrderRef the merchant's own order reference
 * @param returnUrl        registered URL to send the buyer back to, or null
 * @param mode             live or test
 */
public record PurchaseRequest(String merchantId, CustomerIdentifier customer, List<PurchaseItem> items,
        String currency, String merchantOrderRef, String returnUrl, Mode mode) {

    /** Copies the basket and checks it is not empty. */
    public PurchaseRequest {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a purchase needs at least one item");
        }
    }

    /** @return the sum of all lines, in minor units */
    public long totalMinor() {
        return items.stream().mapToLong(PurchaseItem::lineTotalMinor).reduce(0L, Math::addExact);
    }
}
