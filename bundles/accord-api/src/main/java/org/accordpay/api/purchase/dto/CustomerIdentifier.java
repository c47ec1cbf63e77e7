package org.accordpay.api.purchase.dto;

/**
 * How a merchant names the buyer (step 1): an E.164 phone number with the country of
 * residence, or an Accord reference number. Exactly one of the two forms is set.
 *
 * @param phoneE164 phone number in E.164 form, e.g. {@code +33612345678}, or null
 * @param country   ISO 3166-1 alpha-2 country of residence when a phone is given, or null
 * @param reference Accord reference number, or null
 */
public record CustomerIdentifier(String phoneE164, String country, String reference) {

    /** Checks that exactly one form is given. */
    public CustomerIdentifier {
        boolean byPhone = phoneE164 != null;
        boolean byReference = reference != null;
        if (byPhone == byReference) {
            throw new IllegalArgumentException("give either a phone number with country or a reference");
        }
        if (byPhone && country == null) {
            throw new IllegalArgumentException("a phone number needs its country of residence");
        }
    }

    /** @return an identifier by phone number and country */
    public static CustomerIdentifier byPhone(String phoneE164, String country) {
        return new CustomerIdentifier(phoneE164, country, null);
    }

    /** @return an identifier by Accord reference number */
    public static CustomerIdentifier byReference(String reference) {
        return new CustomerIdentifier(null, null, reference);
    }
}
