package org.accordpay.registry.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.PostalAddress;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/** Field checks and normal forms: phone numbers (libphonenumber), IBAN and BIC (iban4j), names, addresses. */
final class ApplicationChecks {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Numbers that can receive the SMS of the one-time code and of challenges. */
    private static final Set<PhoneNumberType> MOBILE = Set.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private ApplicationChecks() {
    }

    /** @return the ISO 3166-1 alpha-2 code, upper case */
    static String country(String raw, String field) {
        String c = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(c)) {
            throw new RegistryException(RegistryException.INVALID_FIELD, field + " must be an ISO 3166-1 alpha-2 code");
        }
        return c;
    }

    /**
     * @return the mobile number in E.164 form
     * @throws RegistryException {@code invalid-phone} unless it is a valid mobile number (national
     *                           numbers are read for {@code country})
     */
    static String mobile(String raw, String country) {
        return parse(raw, country).filter(n -> MOBILE.contains(PHONES.getNumberType(n)))
                .map(n -> PHONES.format(n, PhoneNumberFormat.E164))
                .orElseThrow(() -> new RegistryException(RegistryException.INVALID_PHONE,
                        "not a valid mobile number for " + country + ": " + raw));
    }

    /** @return the valid number in E.164 form, if it is one */
    static Optional<String> e164(String raw, String country) {
        return parse(raw, country).map(n -> PHONES.format(n, PhoneNumberFormat.E164));
    }

    private static Optional<PhoneNumber> parse(String raw, String country) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber n = PHONES.parse(raw, country);
            return PHONES.isValidNumber(n) ? Optional.of(n) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** @return the account with the IBAN and BIC in their electronic form (no spaces, upper case) */
    static BankAccount bankAccount(BankAccount account) {
        if (account == null) {
            throw new RegistryException(RegistryException.INVALID_FIELD, "bank account is missing");
        }
        String iban = account.iban() == null ? "" : account.iban().replace(" ", "").toUpperCase(Locale.ROOT);
        try {
            IbanUtil.validate(iban);
        } catch (Iban4jException | IllegalArgumentException e) {
            throw new RegistryException(RegistryException.INVALID_IBAN, "the IBAN is not valid: " + e.getMessage());
        }
        String bic = account.bic() == null || account.bic().isBlank() ? null
                : account.bic().replace(" ", "").toUpperCase(Locale.ROOT);
        if (bic != null) {
            try {
                BicUtil.validate(bic);
            } catch (Iban4jException | IllegalArgumentException e) {
                throw new RegistryException(RegistryException.INVALID_FIELD, "the BIC is not valid: " + e.getMessage());
            }
        }
        return new BankAccount(iban, bic, text(account.holder(), "account holder", 255));
    }

    /** @return the address with its fields trimmed */
    static PostalAddress address(PostalAddress a) {
        if (a == null) {
            throw new RegistryException(RegistryException.INVALID_FIELD, "delivery address is missing");
        }
        return new PostalAddress(text(a.name(), "address name", 255), text(a.street(), "street", 1000),
                text(a.postalCode(), "postal code", 32), text(a.city(), "city", 255),
                country(a.country(), "address country"));
    }

    /** @return the trimmed text, required and at most {@code max} characters */
    static String text(String raw, String field, int max) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty() || t.length() > max) {
            throw new RegistryException(RegistryException.INVALID_FIELD, field + " is required (at most " + max
                    + " characters)");
        }
        return t;
    }

    /** Console passwords: 10 to 128 characters. */
    static void password(char[] password) {
        if (password == null || password.length < 10 || password.length > 128) {
            throw new RegistryException(RegistryException.INVALID_FIELD, "the password must have 10 to 128 characters");
        }
    }

    /**
     * A new console password: 10 to 128 characters, at least 6 different ones, not the current one,
     * and neither the customer's phone number (its digits) nor reference inside it.
     */
    static void newPassword(char[] password, char[] current, String phoneE164, String reference) {
        password(password);
        if (password.length > 0 && java.nio.CharBuffer.wrap(password).chars().distinct().count() < 6) {
            throw new RegistryException(RegistryException.INVALID_FIELD,
                    "the password must have at least 6 different characters");
        }
        if (java.util.Arrays.equals(password, current)) {
            throw new RegistryException(RegistryException.INVALID_FIELD,
                    "the new password must differ from the current one");
        }
        String lower = new String(password).toLowerCase(java.util.Locale.ROOT);
        String digits = phoneE164 == null ? "" : phoneE164.replaceAll("\\D", "");
        String national = digits.length() > 9 ? digits.substring(digits.length() - 9) : digits;
        if ((!national.isEmpty() && lower.contains(national))
                || (reference != null && lower.contains(reference.toLowerCase(java.util.Locale.ROOT)))) {
            throw new RegistryException(RegistryException.INVALID_FIELD,
                    "the password must not contain your phone number or Accord reference");
        }
    }
}
