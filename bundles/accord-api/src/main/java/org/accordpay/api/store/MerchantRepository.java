package org.accordpay.api.store;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.registry.dto.MerchantDecision;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.store.dto.MerchantRecord;

/** The merchants of the registry and every decision about them. */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantRepository {

    /**
     * Stores a new merchant; {@code version} is ignored and starts at 0.
     *
     * @throws StoreException when the id is taken
     */
    void insert(MerchantRecord merchant);

    /** @return the merchant, if any (no lock taken) */
    Optional<MerchantRecord> find(String merchantId);

    /**
     * Reads the merchant and locks its row for writing until this transaction ends.
     *
     * @throws ConcurrentUpdateException when the lock could not be obtained in time
     */
    Optional<MerchantRecord> lockForUpdate(String merchantId);

    /**
     * Writes every field but {@code id} and {@code createdAt}; the stored version goes up by one.
     *
     * @throws ConcurrentUpdateException when {@code merchant.version()} is not the stored version
     * @throws StoreException            when the merchant does not exist
     */
    void update(MerchantRecord merchant);

    /**
     * @param afterId cursor: last id of the previous page, or null
     * @param limit   page size
     * @return merchants in id order
     */
    List<MerchantRecord> list(String afterId, int limit);

    /** @return every merchant with this status, in id order */
    List<MerchantRecord> withStatus(MerchantStatus status);

    /** Appends a decision about a merchant (never updated). */
    void recordDecision(MerchantDecision decision);

    /** @return the merchant's decisions, oldest first */
    List<MerchantDecision> decisions(String merchantId);
}
