package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code merchant_table}; instants are epoch microseconds. */
@Entity
@Table(name = "merchant_table")
public class MerchantTableEntity {

    @Id
    @Column(name = "merchant_id", length = 64)
    public String merchantId;

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

    @Column(name = "cells", nullable = false)
    public int cells;

    @Column(name = "remaining_cells", nullable = false)
    public int remainingCells;

    @Column(name = "threshold_minor", nullable = false)
    public long thresholdMinor;

    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    @Column(name = "issued_at", nullable = false)
    public long issuedAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
