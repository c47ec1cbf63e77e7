package org.accordpay.api.store.dto;

import java.time.Instant;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.CustomerStatus;
import org.accordpay.api.registry.dto.PostalAddress;

/**
 * A customer row of the registry. The status stored is PENDING, ACTIVE or CLOSED; LOCKED is never
 * stored (the challenge engine's credential says it).
 *
 * @param id              registry id (at most 64 characters)
 * @param reference       Accord reference number, or null until enrolment completes (unique)
 * @param phoneE164       phone number in E.164 form (unique)
 * @param country         ISO 3166-1 alpha-2 country of residence
 * @param bankAccount     account debited for purchases
 * @param mandateId       debit mandate reference, or null while pending
 * @param deliveryAddress default delivery address
 * @param status          PENDING, ACTIVE or CLOSED
 * @param passwordHash    the console password as an encoded Argon2id hash (PHC string format)
 * @param createdAt       when the customer was created
 * @param enrolledAt      when enrolment completed, or null
 * @param updatedAt       last change
 * @param version         optimistic version, set by the store (ignored on insert)
 */
public record CustomerRecord(String id, String reference, String phoneE164, String country, BankAccount bankAccount,
        String mandateId, PostalAddress deliveryAddress, CustomerStatus status, String passwordHash,
        Instant createdAt, Instant enrolledAt, Instant updatedAt, long version) {

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "CustomerRecord[id=" + id + ", reference=" + reference + ", phone=" + phoneE164 + ", status=" + status
                + ", version=" + version + "]";
    }
}
