package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code audit_head}: a signed head of the audit chain. */
@Entity
@Table(name = "audit_head")
public class AuditHeadEntity {

    @Id
    @Column(name = "chain_pos")
    public long chainPos;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "chain_hash", length = 64, nullable = false)
    public String chainHash;

    @Lob
    @Column(name = "signature", nullable = false, columnDefinition = "blob")
    public byte[] signature;

    @Column(name = "signed_at", nullable = false)
    public long signedAt;

    @Column(name = "key_id", length = 64, nullable = false)
    public String keyId;
}
