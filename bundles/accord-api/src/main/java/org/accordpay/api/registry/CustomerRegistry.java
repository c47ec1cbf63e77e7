package org.accordpay.api.registry;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.EnrolmentTicket;

/**
 * The customer database of the patent: enrolment as a flow (phone possession, handset keys and
 * table, mandate, reference number), look-up, lock-out.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CustomerRegistry {
    /**
     * Starts an enrolment: validates the application, creates the customer PENDING and sends a
     * one-time code to the phone (through the outbox).
     *
     * @throws RegistryException invalid phone/IBAN/field, mandate not accepted, already enrolled
     */
    EnrolmentTicket startEnrolment(EnrolmentApplication application);

    /**
     * Proves possession of the phone with the one-time code it received.
     *
     * @throws RegistryException unknown enrolment, wrong code (the enrolment fails after too many)
     */
    EnrolmentTicket confirmPhone(String enrolmentId, String oneTimeCode);

    /**
     * Finishes an enrolment once the phone is confirmed: registers the handset's keys, generates the
     * identification table (challenge engine), records the mandate and issues the reference number.
     * The customer becomes ACTIVE.
     *
     * <p>Safe to retry after a crash between the challenge engine's enrolment and the registry's
     * transaction: when the engine already holds a credential for this very device key, the
     * registry side is finished, but the package (handed out once, never stored) is not
     * produced again: {@link Provisioning#packageBytes()} is then empty.
     *
     * @param enrolmentRequest the handset's enrolment request, signing {@link EnrolmentTicket#enrolmentNonce()}
     * @return the sealed provisioning package to deliver to the handset, once
     * @throws RegistryException unknown enrolment, out of order
     * @throws org.accordpay.api.challenge.ChallengeException malformed enrolment request
     */
    Provisioning completeEnrolment(String enrolmentId, byte[] enrolmentRequest);

    /** @return the enrolment, if it exists */
    Optional<EnrolmentTicket> enrolment(String enrolmentId);

    /** @return the customer with this registry id, if any */
    Optional<Customer> find(String customerId);

    /** @return the ACTIVE or LOCKED customer a merchant named by phone and country or by reference, if any */
    Optional<Customer> resolve(CustomerIdentifier identifier);

    /**
     * @param afterId cursor: last id of the previous page, or null
     * @param limit   page size, 1..500
     * @return customers in id order
     */
    List<Customer> list(String afterId, int limit);

    /**
     * Checks a console password (constant work whether or not the customer exists).
     *
     * @return the customer when the identifier and password match an ACTIVE or LOCKED customer
     */
    Optional<Customer> authenticate(CustomerIdentifier identifier, char[] password);

    /**
     * Unlocks a customer locked out after failed challenges.
     *
     * @param operator who unlocks
     * @param reason   recorded in the audit trail
     */
    Customer unlock(String customerId, String operator, String reason);

    /**
     * Changes a customer's console password, after checking the current one. The new password must
     * have 10 to 128 characters, at least 6 different ones, differ from the current one and not
     * contain the customer's phone number (its digits) or reference. Stored as an Argon2id hash;
     * the change is audited ({@code customer.password-changed}).
     *
     * @param customerId  the customer (registry id)
     * @param current     the password in use
     * @param newPassword the new password
     * @return true when changed; false when {@code current} is not the password in use (nothing changes)
     * @throws RegistryException {@code invalid-field} when the new password breaks the rule (with the
     *                           rule in the message), {@code unknown-customer} when no ACTIVE customer has this id
     * @since 1.2
     */
    default boolean changePassword(String customerId, char[] current, char[] newPassword) {
        throw new UnsupportedOperationException("password change not supported");
    }
}
