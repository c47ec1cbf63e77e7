package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.registry.dto.MerchantKey;

/**
 * Merchants' API signing keys (public keys only).
 *
 * @since 1.1
 */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantKeyRepository {

    /**
     * Stores a new key.
     *
     * @throws StoreException when the key id or the public key is already stored
     */
    void insert(MerchantKey key);

    /** @return the key, if any */
    Optional<MerchantKey> find(String keyId);

    /** @return the merchant's keys, revoked ones included, oldest first */
    List<MerchantKey> forMerchant(String merchantId);

    /** Records when a key was revoked. */
    void revoke(String keyId, Instant at);
}
