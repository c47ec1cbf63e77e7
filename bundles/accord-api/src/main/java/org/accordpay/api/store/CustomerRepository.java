package org.accordpay.api.store;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.store.dto.CustomerRecord;

/** The customers of the registry (phone numbers and reference numbers are unique). */
@org.osgi.annotation.versioning.ProviderType
public interface CustomerRepository {

    /**
     * Stores a new customer; {@code version} is ignored and starts at 0.
     *
     * @throws StoreException when the id, phone number or reference is already taken
     */
    void insert(CustomerRecord customer);

    /** @return the customer, if any (no lock taken) */
    Optional<CustomerRecord> find(String customerId);

    /** @return the customer with this E.164 number, if any */
    Optional<CustomerRecord> findByPhone(String phoneE164);

    /** @return the customer with this reference number, if any */
    Optional<CustomerRecord> findByReference(String reference);

    /**
     * Reads the customer and locks its row for writing until this transaction ends.
     *
     * @throws ConcurrentUpdateException when the lock could not be obtained in time
     */
    Optional<CustomerRecord> lockForUpdate(String customerId);

    /**
     * Writes every field but {@code id} and {@code createdAt}; the stored version goes up by one.
     *
     * @throws ConcurrentUpdateException when {@code customer.version()} is not the stored version
     * @throws StoreException            when the customer does not exist, or the phone or reference is taken
     */
    void update(CustomerRecord customer);

    /**
     * @param afterId cursor: last id of the previous page, or null
     * @param limit   page size
     * @return customers in id order
     */
    List<CustomerRecord> list(String afterId, int limit);
}
