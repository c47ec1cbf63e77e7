package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code customer_enrolment}; the one-time code only as a salted hash. */
@Entity
@Table(name = "customer_enrolment")
public class EnrolmentEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "customer_id", length = 64, nullable = false)
    public String customerId;

    @Column(name = "phone_e164", length = 20, nullable = false)
    public String phoneE164;

    @Lob
    @Column(name = "nonce", nullable = false, columnDefinition = "blob")
    public byte[] nonce;

    @Lob
    @Column(name = "code_salt", nullable = false, columnDefinition = "blob")
    public byte[] codeSalt;

    @Lob
    @Column(name = "code_hash", nullable = false, columnDefinition = "blob")
    public byte[] codeHash;

    @Column(name = "state", length = 16, nullable = false)
    public String state;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "expires_at", nullable = false)
    public long expiresAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
