package org.accordpay.console.internal.purchases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accordpay.api.purchase.dto.PurchaseStep;

/**
 * The steps of a purchase in the customer's words, from its audit trail: request, challenge sent,
 * approval, debit, shipping, delivery, payout, and what went otherwise. Internal steps (challenge
 * book-keeping, courier watch, state entries said twice) are left out.
 */
public final class PurchaseTrace {

    /** A step the customer sees. @param at when; @param words what happened */
    public record Line(Instant at, String words) {
    }

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("purchase.requested", "Requested by the merchant"),
            Map.entry("checkout.customer-attached", "Phone number given on the payment page"),
            Map.entry("purchase.approved", "Approved on your phone"),
            Map.entry("bank.debit-requested", "Debit requested from your bank"),
            Map.entry("purchase.in_escrow", "Debited, money held in escrow"),
            Map.entry("purchase.shipped", "Shipped by the merchant"),
            Map.entry("purchase.delivered", "Delivery confirmed"),
            Map.entry("bank.payout-requested", "Payout to the merchant requested"),
            Map.entry("purchase.settled", "Merchant paid out"),
            Map.entry("purchase.declined", "Declined"),
            Map.entry("purchase.expired", "Expired, not approved in time"),
            Map.entry("purchase.locked", "Refused, too many wrong PINs"),
            Map.entry("purchase.debit_failed", "Debit refused by your bank"),
            Map.entry("purchase.debit_returned", "Payment returned by your bank"),
            Map.entry("purchase.cancelled", "Cancelled"),
            Map.entry("bank.refund-requested", "Refund requested from the bank"),
            Map.entry("purchase.refunded", "Refunded"),
            Map.entry("purchase.disputed", "Dispute opened"),
            Map.entry("dispute.resolved", "Dispute resolved"));

    private PurchaseTrace() {
    }

    /** @return the steps the customer sees, in the order given (oldest first) */
    public static List<Line> of(List<PurchaseStep> steps) {
        List<Line> lines = new ArrayList<>();
        boolean challengeSent = false;
        for (PurchaseStep step : steps) {
            String words;
            if ("sms.queued".equals(step.type())) {
                // the first text of a purchase is its challenge; later ones are receipts and notices
                words = challengeSent ? "Text message sent to your phone" : "Challenge sent to your phone";
                challengeSent = true;
            } else {
                words = WORDS.get(step.type());
            }
            if (words != null) {
                lines.add(new Line(step.at(), words));
            }
        }
        return lines;
    }
}
