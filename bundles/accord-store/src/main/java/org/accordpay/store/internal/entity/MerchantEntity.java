package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code merchant}: conditions as a sorted comma-separated list, quality counters. */
@Entity
@Table(name = "merchant")
public class MerchantEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "legal_name", length = 255, nullable = false)
    public String legalName;

    @Column(name = "display_name", length = 64, nullable = false)
    public String displayName;

    @Column(name = "iban", length = 34, nullable = false)
    public String iban;

    @Column(name = "bic", length = 11)
    public String bic;

    @Column(name = "account_holder", length = 255, nullable = false)
    public String accountHolder;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "admission_conditions", length = 1000, nullable = false)
    public String conditions;

    @Column(name = "paid_count", nullable = false)
    public long paid;

    @Column(name = "refunded_count", nullable = false)
    public long refunded;

    @Column(name = "disputed_count", nullable = false)
    public long disputed;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
