package org.accordpay.console.internal.merchant;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.console.internal.purchases.MonthlyTotals;

/**
 * A merchant's settlement for the orders of a period, per currency: what customers paid, what was
 * refunded, what Accord paid out to the merchant for delivered orders and the fees it kept on them,
 * and what is still held in escrow waiting for delivery.
 *
 * @param currency       the currency of these totals
 * @param orders         orders created in the period, in any state
 * @param paidOrders     of those, orders whose payment was approved
 * @param paid           what customers paid for them (minor units)
 * @param refunded       what was given back to customers
 * @param paidOut        what was paid out to the merchant for the period's settled orders
 * @param fees           Accord's fees on those payouts
 * @param awaitingPayout paid, not refunded and not paid out yet (in escrow, shipped, delivered, disputed)
 */
record SettlementReport(String currency, long orders, long paidOrders, long paid, long refunded, long paidOut,
        long fees, long awaitingPayout) {

    /** The settlement event of a delivered order, which carries the amount paid out. */
    static final String SETTLED_EVENT = "purchase.settled";
    private static final Pattern PAID_OUT = Pattern.compile("\"paid_out\"\\s*:\\s*\\{\"amount_minor\"\\s*:\\s*(-?\\d+)");

    /**
     * @param orders  the merchant's orders of the period
     * @param settled the merchant's {@code purchase.settled} events (any period: only those of {@code orders} count)
     * @return one report per currency, currencies in alphabetical order
     */
    static List<SettlementReport> of(Collection<Purchase> orders, Collection<MerchantEvent> settled) {
        Map<String, Long> paidOutById = new HashMap<>();
        for (MerchantEvent e : settled) {
            if (SETTLED_EVENT.equals(e.type())) {
                paidOutFrom(e.json()).ifPresent(v -> paidOutById.merge(e.purchaseId(), v, Math::addExact));
            }
        }
        Map<String, long[]> byCurrency = new TreeMap<>();
        for (Purchase p : orders) {
            long[] t = byCurrency.computeIfAbsent(p.total().currency(), c -> new long[7]);
            t[0]++;
            if (!MonthlyTotals.SPENT.contains(p.state())) {
                continue;
            }
            long refunded = p.refunded() == null ? 0 : p.refunded().minorUnits();
            t[1]++;
            t[2] += p.total().minorUnits();
            t[3] += refunded;
            Long out = paidOutById.get(p.id());
            if (out != null) {
                t[4] += out;
                t[5] += p.total().minorUnits() - refunded - out;
            } else if (p.state() != PurchaseState.REFUNDED) {
                t[6] += p.total().minorUnits() - refunded;
            }
        }
        return byCurrency.entrySet().stream().map(e -> {
            long[] t = e.getValue();
            return new SettlementReport(e.getKey(), t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
        }).toList();
    }

    /** @return the amount paid out that a {@code purchase.settled} event's body names */
    static java.util.Optional<Long> paidOutFrom(String json) {
        Matcher m = PAID_OUT.matcher(json == null ? "" : json);
        return m.find() ? java.util.Optional.of(Long.parseLong(m.group(1))) : java.util.Optional.empty();
    }
}
