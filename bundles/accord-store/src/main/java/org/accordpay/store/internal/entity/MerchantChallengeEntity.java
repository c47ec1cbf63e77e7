package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Row of {@code merchant_challenge}; instants are epoch microseconds. */
@Entity
@Table(name = "merchant_challenge")
public class MerchantChallengeEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    @Column(name = "table_id", length = 64, nullable = false)
    public String tableId;

    @Column(name = "generation", nullable = false)
    public int generation;

    @Column(name = "cell_address", nullable = false)
    public int cellAddress;

    @Column(name = "request_digest", length = 64, nullable = false)
    public String requestDigest;

    @Lob
    @Column(name = "binding", nullable = false, columnDefinition = "blob")
    public byte[] binding;

    @Column(name = "issued_at", nullable = false)
    public long issuedAt;

    @Column(name = "expires_at", nullable = false)
    public long expiresAt;

    /** {@link org.accordpay.api.store.dto.ChallengeState} name. */
    @Column(name = "state", length = 16, nullable = false)
    public String state;

    @Column(name = "answered_at")
    public Long answeredAt;
}
