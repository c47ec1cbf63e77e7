package org.accordpay.api.store;

import org.accordpay.api.store.dto.PendingWork;
import org.accordpay.api.store.dto.StoreInfo;

/**
 * The only door to Accord's database. Registered only while the database is reachable and
 * migrated; absent otherwise, so callers see "no store" instead of errors.
 */
@org.osgi.annotation.versioning.ProviderType
public interface AccordStore {

    /**
     * Runs {@code work} in one database transaction: all its writes commit together, or none
     * does when it throws.
     *
     * @return what {@code work} returned (DTOs only; nothing is attached to a session)
     * @throws ConcurrentUpdateException when another transaction changed the same rows first
     * @throws StoreException when the database fails
     */
    <T> T transact(StoreWork<T> work);

    /** @return which database this store runs on (no secrets) */
    StoreInfo info();

    /** @return what is still unfinished: open purchases, pending outbox rows, escrow balances, open challenges */
    PendingWork pendingWork();
}
