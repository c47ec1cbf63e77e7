package org.accordpay.console.internal.merchant;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.console.internal.purchases.MonthlyTotals;

/**
 * Orders and revenue per day of a period, every day present (zero when nothing happened), days cut
 * in the console's zone. Revenue counts orders whose payment was approved, net of refunds, in one
 * currency; orders in other currencies are counted but add no revenue.
 *
 * @param day          the day
 * @param orders       orders created that day
 * @param revenueMinor paid, net of refunds, in minor units of the period's currency
 */
record DailyFigures(LocalDate day, int orders, long revenueMinor) {

    /** @return one entry per day from {@code from} to {@code to}, both included */
    static List<DailyFigures> of(Collection<Purchase> orders, LocalDate from, LocalDate to, ZoneId zone,
            String currency) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        int[] counts = new int[Math.max(0, days)];
        long[] revenue = new long[counts.length];
        for (Purchase p : orders) {
            int i = (int) (p.createdAt().atZone(zone).toLocalDate().toEpochDay() - from.toEpochDay());
            if (i < 0 || i >= counts.length) {
                continue;
            }
            counts[i]++;
            if (MonthlyTotals.SPENT.contains(p.state()) && p.total().currency().equals(currency)) {
                revenue[i] += p.total().minorUnits() - (p.refunded() == null ? 0 : p.refunded().minorUnits());
            }
        }
        List<DailyFigures> out = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            out.add(new DailyFigures(from.plusDays(i), counts[i], revenue[i]));
        }
        return out;
    }
}
