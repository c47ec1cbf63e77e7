package org.accordpay.api.store;

import java.time.Instant;
import java.util.Optional;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.store.dto.PurchaseRecord;

/** Purchases as stored. State changes are compare-and-set, so two workers never both win. */
@org.osgi.annotation.versioning.ProviderType
public interface PurchaseRepository {

    /** Stores a new purchase; its id must be new. */
    void insert(PurchaseRecord purchase);

    /** @return the purchase, if it exists */
    Optional<PurchaseRecord> find(String purchaseId);

    /**
     * Moves a purchase from {@code expected} to {@code next}.
     *
     * @return the updated purchase
     * @throws ConcurrentUpdateException when the purchase is not in {@code expected}
     * @throws StoreException when the purchase does not exist
     */
    PurchaseRecord transition(String purchaseId, PurchaseState expected, PurchaseState next, Instant at);
}
