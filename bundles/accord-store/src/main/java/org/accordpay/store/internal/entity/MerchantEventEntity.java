package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code merchant_event}. */
@Entity
@Table(name = "merchant_event")
public class MerchantEventEntity {

    @Id
    @Column(name = "seq")
    public Long seq;

    @Column(name = "event_id", length = 64, nullable = false)
    public String eventId;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    @Column(name = "purchase_id", length = 64, nullable = false)
    public String purchaseId;

    @Column(name = "type", length = 64, nullable = false)
    public String type;

    @Column(name = "body", length = 4000, nullable = false)
    public String body;

    /** Epoch microseconds. */
    @Column(name = "at", nullable = false)
    public long at;
}
