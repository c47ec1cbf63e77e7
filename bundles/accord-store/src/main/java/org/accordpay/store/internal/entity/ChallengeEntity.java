package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * Row of {@code challenge}. {@code openCustomerId} is the customer id while the state is
 * {@code OPEN} and null otherwise; its unique constraint allows one OPEN challenge per customer.
 */
@Entity
@Table(name = "challenge")
public class ChallengeEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "customer_id", length = 64, nullable = false)
    public String customerId;

    @Column(name = "cell_address", nullable = false)
    public int cellAddress;

    @Column(name = "purchase_id", length = 64)
    public String purchaseId;

    /** {@link org.accordpay.api.purchase.Mode} name. */
    @Column(name = "mode", length = 8, nullable = false)
    public String mode;

    @Lob
    @Column(name = "binding", nullable = false, columnDefinition = "blob")
    public byte[] binding;

    /** Epoch microseconds. */
    @Column(name = "issued_at", nullable = false)
    public long issuedAt;

    /** Epoch microseconds. */
    @Column(name = "expires_at", nullable = false)
    public long expiresAt;

    /** {@link org.accordpay.api.store.dto.ChallengeState} name. */
    @Column(name = "state", length = 16, nullable = false)
    public String state;

    /** Epoch microseconds, null while open. */
    @Column(name = "answered_at")
    public Long answeredAt;

    @Column(name = "attempt_counted", nullable = false)
    public boolean attemptCounted;

    @Column(name = "open_customer_id", length = 64, unique = true)
    public String openCustomerId;

    /** Epoch microseconds when it authorised a re-provisioning, null if never. */
    @Column(name = "reprovisioned_at")
    public Long reprovisionedAt;
}
