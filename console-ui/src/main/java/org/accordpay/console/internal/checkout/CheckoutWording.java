package org.accordpay.console.internal.checkout;

import org.accordpay.api.purchase.dto.CheckoutView.BuyerState;

/** What the payment page tells the buyer in each state of the checkout. */
public final class CheckoutWording {

    /** For an unknown, malformed or forgotten token: says nothing about why. */
    static final String UNKNOWN = "This payment link is not valid. Go back to the shop and start the payment again.";

    private CheckoutWording() {
    }

    /** @return the heading of the page in this state */
    public static String heading(BuyerState state) {
        return switch (state) {
            case AWAITING_CUSTOMER -> "Pay with your mobile number";
            case AWAITING_APPROVAL -> "Approve on your phone";
            case APPROVED -> "Payment approved";
            case DECLINED -> "Payment declined";
            case EXPIRED -> "Payment expired";
            case CANCELLED -> "Payment cancelled";
        };
    }

    /** @return what the buyer reads under the heading in this state */
    public static String explanation(BuyerState state) {
        return switch (state) {
            case AWAITING_CUSTOMER -> "Enter the mobile number you pay with. Accord shows this purchase on your phone"
                    + " for you to approve with your PIN; the shop never sees your number.";
            case AWAITING_APPROVAL -> "If this number pays with Accord, your phone now shows this purchase. Check the"
                    + " amount and approve it with your PIN. This page updates by itself.";
            case APPROVED -> "Your payment is approved and held safely until your order is delivered.";
            case DECLINED -> "The payment was not approved. Nothing was taken from your account.";
            case EXPIRED -> "The payment was not approved in time. Nothing was taken from your account.";
            case CANCELLED -> "The shop cancelled this payment. Nothing was taken from your account.";
        };
    }

    /** @return the words of the link back to the shop, or of the note when there is none */
    public static String back(boolean hasReturnAddress) {
        return hasReturnAddress ? "Back to the shop" : "You can close this page and return to the shop.";
    }
}
