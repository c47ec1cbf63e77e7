package org.accordpay.api.money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: a whole number of minor units (cents, pence...) and an ISO 4217 code.
 *
 * @param minorUnits amount in minor units of {@code currency}; may be negative for ledger legs
 * @param currency   ISO 4217 alphabetic code, three upper-case letters
 */
public record Money(long minorUnits, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    /** Validates the currency code. */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    /** @return the amount in minor units of {@code currency} */
    public static Money of(long minorUnits, String currency) {
        return new Money(minorUnits, currency);
    }

    /** @return this plus {@code other}; both must have the same currency */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** @return this minus {@code other}; both must have the same currency */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /** @return the same amount with the opposite sign */
    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return minorUnits + " " + currency;
    }
}
