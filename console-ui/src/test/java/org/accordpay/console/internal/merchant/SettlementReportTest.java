package org.accordpay.console.internal.merchant;

import static org.accordpay.console.internal.merchant.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.junit.jupiter.api.Test;

class SettlementReportTest {

    static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    static MerchantEvent settled(String purchaseId, long paidOut) {
        return new MerchantEvent(1, "evt-" + purchaseId, "m-1", purchaseId, "purchase.settled",
                "{\"id\":\"evt\",\"type\":\"purchase.settled\",\"purchase_id\":\"" + purchaseId
                        + "\",\"paid_out\":{\"amount_minor\":" + paidOut + ",\"currency\":\"EUR\"}}", T);
    }

    @Test
    void paidRefundedFeesPaidOutAndHeldAddUp() {
        var orders = List.of(
                order("a", "m-1", 2500, 0, PurchaseState.SETTLED, T), // paid out 2475, fee 25
                order("b", "m-1", 1000, 400, PurchaseState.IN_ESCROW, T), // partly refunded, 600 held
                order("c", "m-1", 3000, 3000, PurchaseState.REFUNDED, T), // all back: nothing held
                order("d", "m-1", 5000, 0, PurchaseState.DECLINED, T), // never paid: counts as an order only
                order("e", "m-1", 1200, 0, PurchaseState.SHIPPED, T)); // held until delivery
        var events = List.of(settled("a", 2475), settled("zz-other-period", 999_999),
                new MerchantEvent(2, "evt-x", "m-1", "b", "purchase.in_escrow", "{}", T));
        var report = SettlementReport.of(orders, events);
        assertThat(report).containsExactly(new SettlementReport("EUR", 5, 4, 2500 + 1000 + 3000 + 1200, 3400, 2475, 25,
                600 + 1200));
        assertThat(SettlementReport.of(List.of(), events)).isEmpty();
    }

    @Test
    void thePaidOutAmountIsReadFromTheEventBody() {
        assertThat(SettlementReport.paidOutFrom(settled("a", 2475).json())).contains(2475L);
        assertThat(SettlementReport.paidOutFrom("{\"type\":\"purchase.settled\"}")).isEmpty();
        assertThat(SettlementReport.paidOutFrom(null)).isEmpty();
    }
}
