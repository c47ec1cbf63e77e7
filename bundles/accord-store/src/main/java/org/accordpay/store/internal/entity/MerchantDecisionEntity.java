package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code merchant_decision}: one recorded decision, never updated. */
@Entity
@Table(name = "merchant_decision")
public class MerchantDecisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    public Long seq;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    /** Epoch microseconds. */
    @Column(name = "at", nullable = false)
    public long at;

    @Column(name = "decision", length = 128, nullable = false)
    public String decision;

    @Column(name = "actor", length = 128, nullable = false)
    public String actor;

    @Column(name = "reason", length = 1000, nullable = false)
    public String reason;
}
