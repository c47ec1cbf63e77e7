package org.accordpay.console.internal.merchant;

import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;

/** The state of an order in the merchant's words: what it means for shipping and for the money. */
final class OrderWording {

    private OrderWording() {
    }

    /** @return what the state means for the merchant */
    static String of(PurchaseState state) {
        return switch (state) {
            case REQUESTED -> "Requested";
            case AWAITING_CUSTOMER -> "Waiting for the buyer on the payment page";
            case CHALLENGED -> "Waiting for the customer's approval";
            case APPROVED -> "Approved, payment starting";
            case DEBIT_PENDING -> "Payment in progress";
            case IN_ESCROW -> "Paid, to ship";
            case SHIPPED -> "Shipped";
            case DELIVERED -> "Delivered, payout coming";
            case SETTLED -> "Delivered, paid out";
            case DECLINED -> "Declined by the customer";
            case EXPIRED -> "Expired, not approved in time";
            case LOCKED -> "Refused, too many wrong PINs";
            case DEBIT_FAILED -> "Refused by the customer's bank";
            case DEBIT_RETURNED -> "Payment returned by the customer's bank";
            case CANCELLED -> "Cancelled";
            case REFUNDED -> "Refunded";
            case DISPUTED -> "Disputed by the customer";
        };
    }

    /** @return the state's words, noting a partial refund */
    static String of(Purchase purchase) {
        String words = of(purchase.state());
        boolean partlyRefunded = purchase.refunded() != null && purchase.refunded().minorUnits() > 0
                && purchase.state() != PurchaseState.REFUNDED;
        return partlyRefunded ? words + " (partly refunded)" : words;
    }
}
