package org.accordpay.api.store;

import java.time.Instant;
import java.util.Optional;
import org.accordpay.api.store.dto.IdempotencyRecord;

/**
 * What the merchant API remembers about requests: idempotency keys with their stored answers, and
 * the request signatures seen recently (replay protection across restarts).
 *
 * @since 1.1
 */
@org.osgi.annotation.versioning.ProviderType
public interface ApiRequestRepository {

    /** @return the record for this merchant and key, if any */
    Optional<IdempotencyRecord> findIdempotency(String merchantId, String idempotencyKey);

    /**
     * Claims an idempotency key (status 0: in progress).
     *
     * @throws StoreException when the key is already claimed (also by a concurrent transaction)
     */
    void claimIdempotency(IdempotencyRecord record);

    /** Stores the answer given for a claimed key. */
    void completeIdempotency(String merchantId, String idempotencyKey, int status, String body);

    /** Forgets a claimed key whose request failed without an answer worth repeating. */
    void releaseIdempotency(String merchantId, String idempotencyKey);

    /** @return how many records created before {@code before} were deleted */
    int purgeIdempotency(Instant before);

    /**
     * Remembers a request signature.
     *
     * @param digest hex SHA-256 of the signature
     * @return false when it was already remembered (a replay)
     * @throws StoreException when a concurrent transaction remembered it first (a replay too)
     */
    boolean rememberSignature(String digest, String keyId, Instant at);

    /** @return how many signatures seen before {@code before} were forgotten */
    int purgeSignatures(Instant before);
}
