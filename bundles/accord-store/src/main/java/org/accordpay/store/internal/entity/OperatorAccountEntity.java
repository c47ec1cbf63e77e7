package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code operator_account}; instants are epoch microseconds. */
@Entity
@Table(name = "operator_account")
public class OperatorAccountEntity {

    @Id
    @Column(name = "login", length = 64)
    public String login;

    @Column(name = "role", length = 16, nullable = false)
    public String role;

    @Column(name = "password_hash", length = 200, nullable = false)
    public String passwordHash;

    @Column(name = "totp_secret", length = 64, nullable = false)
    public String totpSecret;

    @Column(name = "failures", nullable = false)
    public int failures;

    @Column(name = "locked_until")
    public Long lockedUntil;

    @Column(name = "last_code_step", nullable = false)
    public long lastCodeStep;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
