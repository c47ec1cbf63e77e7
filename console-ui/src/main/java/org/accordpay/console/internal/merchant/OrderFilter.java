package org.accordpay.console.internal.merchant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;

/**
 * What a merchant typed in the order filters, checked and turned into a {@link MerchantOrderQuery}
 * for the session's merchant. Dates are whole days in the console's zone, both included; amounts
 * are in the currency's major units.
 */
final class OrderFilter {

    /** Longest period one query may cover. */
    static final int MAX_DAYS = 366;

    private OrderFilter() {
    }

    /**
     * @param merchantId the session's merchant (never anything the browser sent)
     * @param customerId the customer the typed reference names, or null for all customers
     * @throws IllegalArgumentException with words for the merchant when the period or amounts do not make sense
     */
    static MerchantOrderQuery query(String merchantId, LocalDate from, LocalDate to, ZoneId zone,
            Set<PurchaseState> states, String minAmount, String maxAmount, String currency, String customerId) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("Choose the first and the last day of the period.");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The last day comes before the first day.");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("Choose a period of at most " + MAX_DAYS + " days.");
        }
        Long min = minorUnits(minAmount, currency, "lowest");
        Long max = minorUnits(maxAmount, currency, "highest");
        if (min != null && max != null && max < min) {
            throw new IllegalArgumentException("The highest amount is below the lowest amount.");
        }
        return new MerchantOrderQuery(merchantId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), states, min, max, customerId);
    }

    /** @return the amount in minor units, or null when nothing was typed */
    static Long minorUnits(String typed, String currency, String which) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        try {
            BigDecimal amount = new BigDecimal(typed.strip().replace(',', '.'));
            if (amount.signum() < 0 || amount.scale() > Math.max(0, digits)) {
                throw new NumberFormatException();
            }
            return amount.movePointRight(Math.max(0, digits)).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("The " + which + " amount is not an amount in " + currency
                    + ", e.g. 12.50.");
        }
    }
}
