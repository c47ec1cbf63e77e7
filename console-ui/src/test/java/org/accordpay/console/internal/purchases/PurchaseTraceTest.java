package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.accordpay.api.purchase.dto.PurchaseStep;
import org.junit.jupiter.api.Test;

class PurchaseTraceTest {

    private static List<PurchaseStep> steps(String... types) {
        List<PurchaseStep> steps = new ArrayList<>();
        Instant at = Instant.parse("2026-11-10T12:00:00Z");
        for (String type : types) {
            steps.add(new PurchaseStep(at, type));
            at = at.plusSeconds(30);
        }
        return steps;
    }

    @Test
    void aPaidAndDeliveredPurchaseReadsFromRequestToPayout() {
        List<PurchaseTrace.Line> lines = PurchaseTrace.of(steps("purchase.requested", "challenge.issued",
                "purchase.challenged", "sms.queued", "challenge.approved", "purchase.approved",
                "purchase.debit_pending", "bank.debit-requested", "purchase.in_escrow", "sms.queued",
                "purchase.shipped", "courier.watch-queued", "purchase.delivered", "bank.payout-requested",
                "purchase.settled"));
        assertThat(lines).extracting(PurchaseTrace.Line::words).containsExactly("Requested by the merchant",
                "Challenge sent to your phone", "Approved on your phone", "Debit requested from your bank",
                "Debited, money held in escrow", "Text message sent to your phone", "Shipped by the merchant",
                "Delivery confirmed", "Payout to the merchant requested", "Merchant paid out");
        assertThat(lines.get(0).at()).isEqualTo(Instant.parse("2026-11-10T12:00:00Z"));
        assertThat(lines).extracting(PurchaseTrace.Line::at).isSorted();
    }

    @Test
    void refusalsDisputesAndRefundsHaveTheirWordsAndUnknownStepsAreLeftOut() {
        assertThat(PurchaseTrace.of(steps("purchase.requested", "sms.queued", "purchase.declined")))
                .extracting(PurchaseTrace.Line::words)
                .containsExactly("Requested by the merchant", "Challenge sent to your phone", "Declined");
        assertThat(PurchaseTrace.of(steps("purchase.disputed", "dispute.resolved", "bank.refund-requested",
                "purchase.refunded", "something.new", "checkout.customer-unmatched")))
                .extracting(PurchaseTrace.Line::words)
                .containsExactly("Dispute opened", "Dispute resolved", "Refund requested from the bank", "Refunded");
        assertThat(PurchaseTrace.of(List.of())).isEmpty();
    }
}
