package org.accordpay.console.internal.purchases;

import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;

/** The state of a purchase in the customer's words. */
public final class PurchaseWording {

    private PurchaseWording() {
    }

    /** @return what the state means for the customer */
    public static String of(PurchaseState state) {
        return switch (state) {
            case REQUESTED -> "Requested by the merchant";
            case AWAITING_CUSTOMER -> "Waiting for the buyer on the payment page";
            case CHALLENGED -> "Awaiting your approval";
            case APPROVED -> "Approved, payment starting";
            case DEBIT_PENDING -> "Payment in progress";
            case IN_ESCROW -> "Paid, held in escrow";
            case SHIPPED -> "Shipped";
            case DELIVERED -> "Delivered";
            case SETTLED -> "Delivered, merchant paid";
            case DECLINED -> "Declined";
            case EXPIRED -> "Expired, not approved in time";
            case LOCKED -> "Refused, too many wrong PINs";
            case DEBIT_FAILED -> "Refused by your bank";
            case DEBIT_RETURNED -> "Payment returned by your bank";
            case CANCELLED -> "Cancelled";
            case REFUNDED -> "Refunded";
            case DISPUTED -> "Disputed";
        };
    }

    /** @return the state's words, noting a partial refund when some money came back but not the state REFUNDED */
    public static String of(Purchase purchase) {
        String words = of(purchase.state());
        boolean partlyRefunded = purchase.refunded() != null && purchase.refunded().minorUnits() > 0
                && purchase.state() != PurchaseState.REFUNDED;
        return partlyRefunded ? words + " (partly refunded)" : words;
    }
}
