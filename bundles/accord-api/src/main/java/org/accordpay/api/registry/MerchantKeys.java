package org.accordpay.api.registry;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.dto.MerchantKey;

/**
 * The merchants' API signing keys (Ed25519 public keys only: Accord never holds a merchant's
 * private key). At most two keys per merchant and mode are active at once, so a merchant rotates
 * by adding the new key, switching over, then revoking the old one.
 *
 * @since 1.1
 */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantKeys {

    /** How many keys per merchant and mode may be active at once. */
    int MAX_ACTIVE = 2;

    /**
     * Registers a public key for a merchant.
     *
     * @param ed25519PublicKey the raw 32-byte Ed25519 public key
     * @param actor            who registers it (operator or console user), for the audit trail
     * @return the stored key with its new id
     * @throws RegistryException unknown merchant, a key that is not 32 bytes or already registered
     *                           ({@link RegistryException#INVALID_FIELD}), or already {@link #MAX_ACTIVE}
     *                           active keys in that mode ({@link RegistryException#WRONG_STATUS})
     */
    MerchantKey register(String merchantId, Mode mode, byte[] ed25519PublicKey, String actor);

    /**
     * Revokes a key; requests signed with it are refused from now on.
     *
     * @throws RegistryException unknown or already revoked key
     */
    MerchantKey revoke(String keyId, String actor);

    /** @return the key with this id, active or revoked */
    Optional<MerchantKey> find(String keyId);

    /** @return the merchant's active keys, both modes, oldest first */
    List<MerchantKey> active(String merchantId);
}
