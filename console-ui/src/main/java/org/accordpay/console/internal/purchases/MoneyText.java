package org.accordpay.console.internal.purchases;

import java.math.BigDecimal;
import java.util.Currency;
import org.accordpay.api.money.Money;

/** Writes amounts for people: minor units shown with the currency's decimals, e.g. {@code 12.50 EUR}. */
public final class MoneyText {

    private MoneyText() {
    }

    /** @return the amount with its currency code */
    public static String of(Money money) {
        return of(money.minorUnits(), money.currency());
    }

    /** @return the amount in minor units of {@code currency}, with its currency code */
    public static String of(long minorUnits, String currency) {
        return decimal(minorUnits, currency) + " " + currency;
    }

    /** @return the amount in minor units of {@code currency} as a plain decimal, e.g. {@code 12.50} or {@code 1250} (JPY) */
    public static String decimal(long minorUnits, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }
}
