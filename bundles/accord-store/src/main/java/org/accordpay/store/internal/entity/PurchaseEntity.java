package org.accordpay.store.internal.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code purchase}; never leaves the store bundle. */
@Entity
@Table(name = "purchase")
public class PurchaseEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    @Column(name = "customer_id", length = 64, nullable = false)
    public String customerId;

    @Column(name = "merchant_order_ref", length = 128, nullable = false)
    public String merchantOrderRef;

    @Column(name = "total_minor", nullable = false)
    public long totalMinor;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    /** {@link org.accordpay.api.purchase.PurchaseState} name. */
    @Column(name = "state", length = 32, nullable = false)
    public String state;

    /** {@link org.accordpay.api.purchase.Mode} name. */
    @Column(name = "mode", length = 8, nullable = false)
    public String mode;

    /** Epoch microseconds. */
    @Column(name = "created_at", nullable = false)
    public long createdAt;

    /** Epoch microseconds. */
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    @Column(name = "refunded_minor", nullable = false)
    public long refundedMinor;

    @Column(name = "challenge_id", length = 64)
    public String challengeId;

    @Column(name = "reason", length = 255)
    public String reason;

    @Column(name = "courier_id", length = 64)
    public String courierId;

    @Column(name = "tracking_ref", length = 128)
    public String trackingRef;

    /** Epoch microseconds, or null. */
    @Column(name = "shipped_at")
    public Long shippedAt;

    @Column(name = "disputed_from", length = 32)
    public String disputedFrom;

    @Column(name = "return_url", length = 1000)
    public String returnUrl;

    /** Lower-case hex SHA-256 of a hosted checkout's token, or null. */
    @Column(name = "checkout_token_sha256", length = 64)
    public String checkoutTokenSha256;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "purchase_item", joinColumns = @JoinColumn(name = "purchase_id"))
    @OrderColumn(name = "line_no")
    public List<PurchaseItemLine> items = new ArrayList<>();
}
