package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code merchant_api_key}: a merchant's Ed25519 public key (base64). */
@Entity
@Table(name = "merchant_api_key")
public class MerchantApiKeyEntity {

    @Id
    @Column(name = "key_id", length = 64)
    public String keyId;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    @Column(name = "mode", length = 8, nullable = false)
    public String mode;

    @Column(name = "public_key", length = 64, nullable = false)
    public String publicKey;

    /** Epoch microseconds. */
    @Column(name = "created_at", nullable = false)
    public long createdAt;

    /** Epoch microseconds, or null while active. */
    @Column(name = "revoked_at")
    public Long revokedAt;
}
