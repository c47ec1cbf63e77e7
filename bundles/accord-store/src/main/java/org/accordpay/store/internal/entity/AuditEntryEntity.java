package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code audit_entry}; {@code chainPos} and {@code chainHash} are filled later by the chainer. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    public Long seq;

    @Column(name = "at", nullable = false)
    public long at;

    @Column(name = "type", length = 64, nullable = false)
    public String type;

    @Column(name = "purchase_id", length = 64)
    public String purchaseId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "digest", length = 64, nullable = false)
    public String digest;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "chain_hash", length = 64)
    public String chainHash;

    @Column(name = "chain_pos", unique = true)
    public Long chainPos;
}
