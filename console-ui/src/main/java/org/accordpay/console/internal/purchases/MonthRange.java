package org.accordpay.console.internal.purchases;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A calendar month in a time zone, as the half-open interval {@code [from, to)} of instants that
 * {@code PurchaseService.listForCustomer} takes.
 *
 * @param month the calendar month
 * @param zone  the zone in which it starts and ends
 */
public record MonthRange(YearMonth month, ZoneId zone) {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** @return the month that contains {@code now} in {@code zone} */
    public static MonthRange containing(Instant now, ZoneId zone) {
        return new MonthRange(YearMonth.from(now.atZone(zone)), zone);
    }

    /** @return the first instant of the month (inclusive) */
    public Instant from() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** @return the first instant of the next month (exclusive) */
    public Instant to() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** @return the month before */
    public MonthRange previous() {
        return new MonthRange(month.minusMonths(1), zone);
    }

    /** @return the month after */
    public MonthRange next() {
        return new MonthRange(month.plusMonths(1), zone);
    }

    /** @return true when this month contains {@code instant} */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from()) && instant.isBefore(to());
    }

    /** @return e.g. "November 2026" */
    public String label() {
        return LABEL.format(month);
    }

    /** @return the month as a period of whole days */
    public PurchasePeriod period() {
        return PurchasePeriod.of(month, zone);
    }
}
