package org.accordpay.shell.internal;

import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.apache.karaf.shell.api.console.Session;

/** What the registry commands share: the acting operator, refusals in words, account display, merchant by name. */
final class RegistryRefusals {

    private RegistryRefusals() {
    }

    /** @return the shell user, recorded as the actor of every decision */
    static String operator(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "shell" : user.toString();
    }

    /**
     * Reports a refusal with what it means for the operator. Thrown, not printed: the shell shows it
     * in interactive and batch sessions alike (a batch session loses what goes to stderr).
     */
    static void print(RegistryException e) {
        String what = switch (e.code()) {
            case RegistryException.INVALID_PHONE -> "Invalid phone number";
            case RegistryException.INVALID_IBAN -> "Invalid IBAN";
            case RegistryException.INVALID_FIELD -> "Invalid or missing field";
            case RegistryException.ALREADY_ENROLLED -> "Already enrolled";
            case RegistryException.UNKNOWN_ENROLMENT -> "No such enrolment in progress";
            case RegistryException.WRONG_CODE -> "Wrong one-time code";
            case RegistryException.OUT_OF_ORDER -> "Enrolment step out of order";
            case RegistryException.UNKNOWN_CUSTOMER -> "No such customer";
            case RegistryException.UNKNOWN_MERCHANT -> "No such merchant";
            case RegistryException.LOOKALIKE_NAME -> "Display name too close to an admitted merchant's";
            case RegistryException.CONDITIONS_NOT_MET -> "Admission conditions not met";
            case RegistryException.WRONG_STATUS -> "Not allowed in the current status";
            default -> "Refused";
        };
        throw new IllegalStateException(what + " [" + e.code() + "]: " + e.getMessage(), e);
    }

    /** @return the account as "IBAN (BIC) holder" */
    static String account(BankAccount a) {
        return a.iban() + (a.bic() == null ? "" : " (" + a.bic() + ")") + " " + a.holder();
    }

    /**
     * @param idOrName a merchant id, or the exact display name of an admitted merchant
     * @return the merchant's id; what was typed when it names no merchant (the service then refuses it)
     */
    static String merchantId(MerchantRegistry merchants, String idOrName) {
        return merchants.find(idOrName).map(Merchant::id)
                .or(() -> merchants.list(null, 500).stream()
                        .filter(m -> m.displayName().equals(idOrName) && m.status() == MerchantStatus.ADMITTED)
                        .map(Merchant::id).findFirst())
                .orElse(idOrName);
    }
}
