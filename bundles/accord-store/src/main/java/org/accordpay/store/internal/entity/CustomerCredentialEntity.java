package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code customer_credential}; never leaves the store bundle. */
@Entity
@Table(name = "customer_credential")
public class CustomerCredentialEntity {

    @Id
    @Column(name = "customer_id", length = 64)
    public String customerId;

    @Column(name = "device_id", length = 128, nullable = false)
    public String deviceId;

    @Lob
    @Column(name = "device_signing_key", nullable = false, columnDefinition = "blob")
    public byte[] deviceSigningKey;

    @Lob
    @Column(name = "device_transport_key", nullable = false, columnDefinition = "blob")
    public byte[] deviceTransportKey;

    @Column(name = "table_id", length = 64, nullable = false)
    public String tableId;

    @Column(name = "generation", nullable = false)
    public int generation;

    @Lob
    @Column(name = "sealed_table", nullable = false, columnDefinition = "blob")
    public byte[] sealedTable;

    @Lob
    @Column(name = "wrapped_data_key", nullable = false, columnDefinition = "blob")
    public byte[] wrappedDataKey;

    @Column(name = "key_version", nullable = false)
    public int keyVersion;

    @Column(name = "remaining_cells", nullable = false)
    public int remainingCells;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    /** Epoch microseconds, null while not locked out. */
    @Column(name = "locked_at")
    public Long lockedAt;

    @Column(name = "lock_reason", length = 255)
    public String lockReason;

    /** Epoch microseconds. */
    @Column(name = "enrolled_at", nullable = false)
    public long enrolledAt;

    /** Epoch microseconds. */
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    /** Next generation waiting for the handset's acknowledgement: all five null when none. */
    @Column(name = "pending_table_id", length = 64)
    public String pendingTableId;

    @Column(name = "pending_generation")
    public Integer pendingGeneration;

    @Lob
    @Column(name = "pending_sealed_table", columnDefinition = "blob")
    public byte[] pendingSealedTable;

    @Lob
    @Column(name = "pending_transport_key", columnDefinition = "blob")
    public byte[] pendingTransportKey;

    /** Epoch microseconds. */
    @Column(name = "pending_since")
    public Long pendingSince;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
