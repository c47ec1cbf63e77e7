package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.api.store.dto.MerchantChallengeRecord;
import org.accordpay.api.store.dto.MerchantTableRecord;

/**
 * Merchants' identification tables (sealed by the challenge engine) and the challenges issued on them.
 * {@link #save} is allowed only on a row this transaction locked, or a new one.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantTableRepository {

    /** @return the merchant's table, read without a lock */
    Optional<MerchantTableRecord> find(String merchantId);

    /** @return the merchant's table, its row locked until the transaction ends ({@code SELECT ... FOR UPDATE}) */
    Optional<MerchantTableRecord> lockForUpdate(String merchantId);

    /** @return up to {@code limit} merchants whose table is wrapped under a key version below {@code version} */
    List<String> merchantsWithKeyVersionBelow(int version, int limit);

    /** Inserts the merchant's table, or replaces the one this transaction locked. */
    void save(MerchantTableRecord table);

    /** Stores a new challenge; its id must be new. */
    void insertChallenge(MerchantChallengeRecord challenge);

    /** @return the challenge, if it exists */
    Optional<MerchantChallengeRecord> findChallenge(String challengeId);

    /**
     * Closes an open challenge.
     *
     * @return false when it was not {@link ChallengeState#OPEN} any more
     */
    boolean closeChallenge(String challengeId, ChallengeState state, Instant at);
}
