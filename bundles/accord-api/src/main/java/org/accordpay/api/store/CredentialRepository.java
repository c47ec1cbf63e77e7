package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.store.dto.CustomerCredential;

/**
 * Customers' enrolled credentials (device keys and identification table) and their failure log.
 *
 * <p>Verifying an answer, using up a cell and counting the attempt must be serialised per
 * customer: call {@link #lockForUpdate} first; the row lock is held until the transaction ends,
 * so a second transaction for the same customer waits there (or fails with
 * {@link ConcurrentUpdateException} when the database's lock wait times out).
 */
@org.osgi.annotation.versioning.ProviderType
public interface CredentialRepository {

    /**
     * Stores a new credential; {@code version} is ignored and starts at 0. The new row counts as
     * locked by this transaction, so {@link #update} may follow in the same transaction.
     *
     * @throws StoreException when the customer already has a credential
     */
    void insert(CustomerCredential credential);

    /** @return the customer's credential, if enrolled (no lock taken) */
    Optional<CustomerCredential> find(String customerId);

    /**
     * @param deviceId a registered device id (unique across customers)
     * @return the credential the device belongs to, if any (no lock taken)
     */
    Optional<CustomerCredential> findByDevice(String deviceId);

    /**
     * Reads the credential and locks its row for writing ({@code SELECT ... FOR UPDATE}) until
     * this transaction ends.
     *
     * @return the credential, if enrolled (nothing is locked otherwise)
     * @throws ConcurrentUpdateException when the lock could not be obtained in time
     */
    Optional<CustomerCredential> lockForUpdate(String customerId);

    /**
     * Writes every field but {@code customerId} and {@code enrolledAt}, the pending generation
     * included (null clears it); the stored version goes up by one.
     *
     * @throws IllegalStateException     when the credential was not locked (or inserted) in this transaction
     * @throws ConcurrentUpdateException when {@code credential.version()} is not the stored version
     * @throws StoreException            when the customer has no credential
     */
    void update(CustomerCredential credential);

    /** Appends a failed answer to the customer's failure log. */
    void recordFailure(String customerId, Instant at);

    /** @return failures logged for the customer at or after {@code since} */
    long failuresSince(String customerId, Instant since);

    /** @return customers whose credential is locked out, in id order */
    List<String> lockedCustomers();

    /** @return how many credentials are locked out */
    long countLocked();

    /**
     * For a resumable key rotation: re-wrap, {@link #update} with the new key version, ask again.
     *
     * @return up to {@code limit} customers whose {@code keyVersion} is below {@code version}, in id order
     */
    List<String> customersWithKeyVersionBelow(int version, int limit);
}
