package org.accordpay.api.registry.dto;

import java.time.Instant;
import org.accordpay.api.purchase.Mode;

/**
 * A merchant's Ed25519 public key for signing API requests; its mode decides the mode of what the
 * requests create (a test key only ever creates test purchases).
 *
 * @param keyId      Accord's id of the key, sent by the merchant in {@code Accord-Key-Id}
 * @param merchantId the merchant
 * @param mode       live or test
 * @param publicKey  the raw 32-byte Ed25519 public key
 * @param createdAt  when it was registered
 * @param revokedAt  when it was revoked, or null while active
 * @since 1.1
 */
public record MerchantKey(String keyId, String merchantId, Mode mode, byte[] publicKey, Instant createdAt,
        Instant revokedAt) {

    /** Copies the key bytes. */
    public MerchantKey {
        publicKey = publicKey.clone();
    }

    /** @return a copy of the raw public key */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** @return true while the key is not revoked */
    public boolean active() {
        return revokedAt == null;
    }
}
