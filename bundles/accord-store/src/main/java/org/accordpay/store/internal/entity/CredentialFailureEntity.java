package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code credential_failure}: one failed answer. */
@Entity
@Table(name = "credential_failure")
public class CredentialFailureEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    public Long seq;

    @Column(name = "customer_id", length = 64, nullable = false)
    public String customerId;

    /** Epoch microseconds. */
    @Column(name = "at", nullable = false)
    public long at;
}
