package org.accordpay.api.registry.dto;

/**
 * What a person gives to enrol (step 1 for the customer).
 *
 * @param phoneE164       the mobile number, E.164 or national form (parsed for {@code country})
 * @param country         ISO 3166-1 alpha-2 country of residence
 * @param bankAccount     the account to debit (IBAN validated)
 * @param mandateAccepted true when the person accepted the debit mandate
 * @param deliveryAddress default delivery address
 * @param password        console password (hashed with Argon2id, never stored as given); the
 *                        registry clears the array after use
 */
public record EnrolmentApplication(String phoneE164, String country, BankAccount bankAccount, boolean mandateAccepted,
        PostalAddress deliveryAddress, char[] password) {
    /** Never prints the password. */
    @Override
    public String toString() {
        return "EnrolmentApplication[phone=" + phoneE164 + ", country=" + country + "]";
    }
}
