package org.accordpay.handset;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * What the handset screen shows before asking for the PIN, taken only from the authenticated
 * challenge (never from the SMS text). The MAC covers exactly these values.
 */
public record Display(long amountMinor, String currency, String merchantName, boolean testMode, long expiresAt) {

    /** The amount with the currency's decimals, e.g. "49.99 EUR". */
    public String amountText() {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(amountMinor, digits).toPlainString() + " " + currency;
    }

    /** The one line the screen shows. */
    public String text() {
        return (testMode ? "[TEST] " : "") + "Pay " + amountText() + " to " + merchantName + "?";
    }
}
