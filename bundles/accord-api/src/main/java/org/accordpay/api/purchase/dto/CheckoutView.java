package org.accordpay.api.purchase.dto;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;

/**
 * A hosted checkout as the payment page sees it: no customer data.
 *
 * @param purchaseId       the purchase
 * @param merchantName     the merchant's display name
 * @param merchantOrderRef the merchant's order reference
 * @param items            the basket
 * @param total            the total
 * @param state            the purchase's state
 * @param customerSubmitted true once a phone number was submitted (whether or not it named a customer)
 * @param mode             live or test
 * @param expiresAt        when a purchase still waiting for its customer expires
 * @param returnUrl        the merchant's registered return URL, or null
 * @since 1.1
 */
public record CheckoutView(String purchaseId, String merchantName, String merchantOrderRef, List<PurchaseItem> items,
        Money total, PurchaseState state, boolean customerSubmitted, Mode mode, Instant expiresAt, String returnUrl) {

    /** Copies the basket. */
    public CheckoutView {
        items = List.copyOf(items);
    }
}
