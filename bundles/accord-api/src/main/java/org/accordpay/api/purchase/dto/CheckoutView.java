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

    /**
     * Where the checkout stands for the buyer, which never tells a number that named nobody (still waiting)
     * from one that named a customer (challenged): both are {@link BuyerState#AWAITING_APPROVAL}.
     *
     * @return the buyer's state of this checkout
     * @since 1.1
     */
    public BuyerState buyerState() {
        return switch (state) {
            case REQUESTED, AWAITING_CUSTOMER -> customerSubmitted() ? BuyerState.AWAITING_APPROVAL
                    : BuyerState.AWAITING_CUSTOMER;
            case CHALLENGED -> BuyerState.AWAITING_APPROVAL;
            case DECLINED, LOCKED, DEBIT_FAILED -> BuyerState.DECLINED;
            case EXPIRED -> BuyerState.EXPIRED;
            case CANCELLED -> BuyerState.CANCELLED;
            default -> BuyerState.APPROVED;
        };
    }

    /**
     * A checkout's state as the payment page and its buyer see it.
     *
     * @since 1.1
     */
    public enum BuyerState {
        /** No phone number given yet. */
        AWAITING_CUSTOMER,
        /** A number was given: approval is awaited on the phone (whether or not the number named a customer). */
        AWAITING_APPROVAL,
        /** Approved on the phone: paid (held in escrow) and beyond. */
        APPROVED,
        /** Declined on the phone, locked, or the debit failed. */
        DECLINED,
        /** Nobody approved in time. */
        EXPIRED,
        /** Cancelled by the merchant. */
        CANCELLED;

        /** @return true while the buyer still has something to do (the return URL is not given yet) */
        public boolean open() {
            return this == AWAITING_CUSTOMER || this == AWAITING_APPROVAL;
        }
    }
}
