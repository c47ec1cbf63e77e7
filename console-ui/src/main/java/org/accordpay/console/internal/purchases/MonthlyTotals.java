package org.accordpay.console.internal.purchases;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;

/**
 * What a customer spent in a month, per currency: purchases whose payment was approved, less what
 * was refunded. Purchases never paid (awaiting approval, declined, expired, refused, cancelled,
 * returned by the bank) do not count.
 */
public final class MonthlyTotals {

    /** States in which the customer's money was taken or is being taken. */
    public static final Set<PurchaseState> SPENT = EnumSet.of(PurchaseState.APPROVED, PurchaseState.DEBIT_PENDING,
            PurchaseState.IN_ESCROW, PurchaseState.SHIPPED, PurchaseState.DELIVERED, PurchaseState.SETTLED,
            PurchaseState.DISPUTED, PurchaseState.REFUNDED);

    private MonthlyTotals() {
    }

    /** @return the net amount spent per currency, currencies in alphabetical order; empty when nothing counts */
    public static List<Money> spent(List<Purchase> purchases) {
        Map<String, Long> byCurrency = new TreeMap<>();
        for (Purchase p : purchases) {
            if (!SPENT.contains(p.state())) {
                continue;
            }
            long net = p.total().minorUnits() - (p.refunded() == null ? 0 : p.refunded().minorUnits());
            byCurrency.merge(p.total().currency(), net, Math::addExact);
        }
        return byCurrency.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList();
    }
}
