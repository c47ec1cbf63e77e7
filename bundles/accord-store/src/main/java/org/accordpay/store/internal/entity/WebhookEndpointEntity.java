package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code webhook_endpoint}; instants are epoch microseconds. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpointEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    @Column(name = "url", length = 1000, nullable = false)
    public String url;

    @Column(name = "mode", length = 8, nullable = false)
    public String mode;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "disabled_at")
    public Long disabledAt;

    @Column(name = "delivered_up_to", nullable = false)
    public long deliveredUpTo;

    @Column(name = "failing_since")
    public Long failingSince;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    public long nextAttemptAt;
}
