package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code bank_instruction}. */
@Entity
@Table(name = "bank_instruction")
public class BankInstructionEntity {

    @Id
    @Column(name = "idempotency_key", length = 64)
    public String idempotencyKey;

    @Column(name = "purchase_id", length = 64, nullable = false)
    public String purchaseId;

    @Column(name = "kind", length = 16, nullable = false)
    public String kind;

    @Column(name = "bank_id", length = 64, nullable = false)
    public String bankId;

    @Column(name = "mode", length = 8, nullable = false)
    public String mode;

    @Column(name = "iban", length = 34, nullable = false)
    public String iban;

    @Column(name = "bic", length = 11)
    public String bic;

    @Column(name = "holder", length = 140, nullable = false)
    public String holder;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "reason", length = 32)
    public String reason;

    /** Epoch microseconds. */
    @Column(name = "created_at", nullable = false)
    public long createdAt;

    /** Epoch microseconds. */
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
