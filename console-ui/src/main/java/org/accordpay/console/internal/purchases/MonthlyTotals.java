package org.accordpay.console.internal.purchases;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

    /**
     * What was spent in each month of {@code months}, per currency, the purchase counted in the month
     * it was created in ({@code zone}); months without purchases are there with an empty list.
     *
     * @return month to net amounts per currency, in the order of {@code months}
     */
    public static Map<YearMonth, List<Money>> perMonth(List<Purchase> purchases, List<YearMonth> months, ZoneId zone) {
        Map<YearMonth, List<Purchase>> byMonth = purchases.stream()
                .collect(Collectors.groupingBy(p -> YearMonth.from(p.createdAt().atZone(zone))));
        Map<YearMonth, List<Money>> totals = new LinkedHashMap<>();
        for (YearMonth month : months) {
            totals.put(month, spent(byMonth.getOrDefault(month, List.of())));
        }
        return totals;
    }
}
