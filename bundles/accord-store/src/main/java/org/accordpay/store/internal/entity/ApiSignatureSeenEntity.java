package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code api_signature_seen}: the SHA-256 of a request signature already accepted. */
@Entity
@Table(name = "api_signature_seen")
public class ApiSignatureSeenEntity {

    @Id
    @Column(name = "digest", length = 64)
    public String digest;

    @Column(name = "key_id", length = 64, nullable = false)
    public String keyId;

    /** Epoch microseconds. */
    @Column(name = "seen_at", nullable = false)
    public long seenAt;
}
