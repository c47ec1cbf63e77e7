package org.accordpay.console.internal.login;

import java.util.Locale;
import java.util.regex.Pattern;
import org.accordpay.api.purchase.dto.CustomerIdentifier;

/** Turns what a customer typed (phone number and country, or reference) into a {@link CustomerIdentifier}. */
public final class SignInIdentifier {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9]{4,40}");

    private SignInIdentifier() {
    }

    /**
     * @param typed   phone number in international form; spaces, dots, dashes, brackets and a leading 00 allowed
     * @param country ISO 3166-1 alpha-2 country of residence
     * @throws IllegalArgumentException with a message for the customer when the number or country is not valid
     */
    public static CustomerIdentifier byPhone(String typed, String country) {
        String phone = normalisePhone(typed);
        if (phone == null) {
            throw new IllegalArgumentException("Enter your phone number in international form, e.g. +33 6 12 34 56 78");
        }
        String iso = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(iso).matches()) {
            throw new IllegalArgumentException("Choose your country of residence");
        }
        return CustomerIdentifier.byPhone(phone, iso);
    }

    /**
     * @param typed the Accord reference number as printed (case, spaces and dashes do not matter)
     * @throws IllegalArgumentException with a message for the customer when it cannot be a reference
     */
    public static CustomerIdentifier byReference(String typed) {
        String reference = typed == null ? "" : typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        if (!REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("Enter your Accord reference as it was given to you");
        }
        return CustomerIdentifier.byReference(reference);
    }

    /** @return the E.164 form of what was typed, or null when it is not an international number */
    static String normalisePhone(String typed) {
        if (typed == null) {
            return null;
        }
        String compact = typed.strip().replaceAll("[\\s.()\\-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return E164.matcher(compact).matches() ? compact : null;
    }

    /** @return the key under which failures for this identifier are counted */
    public static String throttleKey(CustomerIdentifier identifier) {
        return identifier.reference() != null ? "ref:" + identifier.reference()
                : "phone:" + identifier.phoneE164() + "/" + identifier.country();
    }
}
