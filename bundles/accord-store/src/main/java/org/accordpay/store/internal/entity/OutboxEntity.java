package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code outbox_message}; {@code doneAt} null while pending. */
@Entity
@Table(name = "outbox_message")
public class OutboxEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "channel", length = 16, nullable = false)
    public String channel;

    @Column(name = "destination", length = 128, nullable = false)
    public String destination;

    @Column(name = "purchase_id", length = 64)
    public String purchaseId;

    @Lob
    @Column(name = "payload", nullable = false, columnDefinition = "blob")
    public byte[] payload;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public long nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "done_at")
    public Long doneAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    /** Connector (and mode) that took the row, once delivered. */
    @Column(name = "delivered_via", length = 128)
    public String deliveredVia;
}
