package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code merchant_user}; instants are epoch microseconds. */
@Entity
@Table(name = "merchant_user")
public class MerchantUserEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    @Column(name = "login", length = 128, nullable = false)
    public String login;

    @Column(name = "password_hash", length = 255, nullable = false)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "password_changed_at", nullable = false)
    public long passwordChangedAt;
}
