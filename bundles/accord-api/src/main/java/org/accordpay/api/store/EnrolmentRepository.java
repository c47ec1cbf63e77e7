package org.accordpay.api.store;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.store.dto.EnrolmentRecord;

/** Customer enrolments in progress or finished. */
@org.osgi.annotation.versioning.ProviderType
public interface EnrolmentRepository {

    /**
     * Stores a new enrolment; {@code version} is ignored and starts at 0.
     *
     * @throws StoreException when the id is taken
     */
    void insert(EnrolmentRecord enrolment);

    /** @return the enrolment, if any (no lock taken) */
    Optional<EnrolmentRecord> find(String enrolmentId);

    /**
     * Reads the enrolment and locks its row for writing until this transaction ends.
     *
     * @throws ConcurrentUpdateException when the lock could not be obtained in time
     */
    Optional<EnrolmentRecord> lockForUpdate(String enrolmentId);

    /**
     * Writes state, attempts, expiry and update time; the stored version goes up by one.
     *
     * @throws ConcurrentUpdateException when {@code enrolment.version()} is not the stored version
     * @throws StoreException            when the enrolment does not exist
     */
    void update(EnrolmentRecord enrolment);

    /** @return the customer's enrolments, oldest first */
    List<EnrolmentRecord> forCustomer(String customerId);
}
