package org.accordpay.api.registry;

import java.util.Optional;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.dto.Customer;

/** The customer database of the patent: look-up, enrolment status, lock-out. */
@org.osgi.annotation.versioning.ProviderType
public interface CustomerRegistry {

    /** @return the customer with this registry id, if any */
    Optional<Customer> find(String customerId);

    /** @return the customer a merchant named by phone and country or by reference, if enrolled */
    Optional<Customer> resolve(CustomerIdentifier identifier);

    /**
     * Unlocks a customer locked out after failed challenges.
     *
     * @param reason recorded in the audit trail
     */
    Customer unlock(String customerId, String reason);
}
