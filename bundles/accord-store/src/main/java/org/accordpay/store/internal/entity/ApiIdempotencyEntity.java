package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Row of {@code api_idempotency}: id is the merchant id's length, ':', merchant id, key. */
@Entity
@Table(name = "api_idempotency")
public class ApiIdempotencyEntity {

    @Id
    @Column(name = "id", length = 200)
    public String id;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    @Column(name = "idempotency_key", length = 128, nullable = false)
    public String idempotencyKey;

    @Column(name = "request_hash", length = 64, nullable = false)
    public String requestHash;

    @Column(name = "status", nullable = false)
    public int status;

    @Lob
    @Column(name = "body", columnDefinition = "blob")
    public byte[] body;

    /** Epoch microseconds. */
    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
