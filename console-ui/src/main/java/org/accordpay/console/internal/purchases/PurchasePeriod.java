package org.accordpay.console.internal.purchases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Any run of whole days a customer picks, first and last day included, cut in a time zone: the
 * half-open interval {@code [from, to)} of instants that {@code PurchaseService.listForCustomer} takes.
 *
 * @param first the first day (included)
 * @param last  the last day (included)
 * @param zone  the zone in which days start and end
 */
public record PurchasePeriod(LocalDate first, LocalDate last, ZoneId zone) {

    /** The longest period a customer may pick, in days (two years, for a statement of a year and more). */
    public static final int MAX_DAYS = 2 * 366;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Checks the days are given and in order. */
    public PurchasePeriod {
        if (first == null || last == null || zone == null) {
            throw new IllegalArgumentException("Pick the first and the last day of the period.");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("The last day comes before the first day.");
        }
    }

    /**
     * The period a customer picked, checked against today.
     *
     * @throws IllegalArgumentException with words for the customer: a day missing, the days out of order,
     *                                  a period starting after today or longer than {@link #MAX_DAYS}
     */
    public static PurchasePeriod picked(LocalDate first, LocalDate last, Instant now, ZoneId zone) {
        PurchasePeriod period = new PurchasePeriod(first, last, zone);
        if (first.isAfter(LocalDate.ofInstant(now, zone))) {
            throw new IllegalArgumentException("The period starts after today.");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("Pick at most " + MAX_DAYS + " days (two years).");
        }
        return period;
    }

    /** @return the whole calendar month */
    public static PurchasePeriod of(YearMonth month, ZoneId zone) {
        return new PurchasePeriod(month.atDay(1), month.atEndOfMonth(), zone);
    }

    /** @return the first instant of the first day (inclusive) */
    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** @return the first instant of the day after the last day (exclusive) */
    public Instant to() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** @return the calendar months the period touches, oldest first */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** @return e.g. "3 Oct 2026 – 28 Nov 2026" */
    public String label() {
        return DAY.format(first) + " – " + DAY.format(last);
    }

    /** @return e.g. "2026-10-03_2026-11-28", for file names */
    public String fileLabel() {
        return first + "_" + last;
    }
}
