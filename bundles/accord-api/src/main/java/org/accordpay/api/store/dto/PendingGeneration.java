package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * A table generation prepared by a re-provisioning and waiting for the handset's signed
 * acknowledgement; until then the credential's current generation stays the one challenged.
 * The byte arrays are opaque to the store (sealed by the caller) and copied in and out.
 *
 * @param tableId            id of the new table
 * @param generation         its generation (the current one + 1)
 * @param sealedTable        the new table, sealed by the caller; at most 65,535 bytes
 * @param sealedTransportKey the new transport key, sealed by the caller
 * @param since              when it was prepared
 */
public record PendingGeneration(String tableId, int generation, byte[] sealedTable, byte[] sealedTransportKey,
        Instant since) {

    /** Checks presence and copies the arrays. */
    public PendingGeneration {
        java.util.Objects.requireNonNull(tableId, "tableId");
        java.util.Objects.requireNonNull(sealedTable, "sealedTable");
        java.util.Objects.requireNonNull(sealedTransportKey, "sealedTransportKey");
        java.util.Objects.requireNonNull(since, "since");
        sealedTable = sealedTable.clone();
        sealedTransportKey = sealedTransportKey.clone();
    }

    /** @return a copy of the sealed table */
    @Override
    public byte[] sealedTable() {
        return sealedTable.clone();
    }

    /** @return a copy of the sealed transport key */
    @Override
    public byte[] sealedTransportKey() {
        return sealedTransportKey.clone();
    }

    /** Compares the arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PendingGeneration p && tableId.equals(p.tableId) && generation == p.generation
                && java.util.Arrays.equals(sealedTable, p.sealedTable)
                && java.util.Arrays.equals(sealedTransportKey, p.sealedTransportKey) && since.equals(p.since);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(tableId, generation);
    }

    /** Never prints the sealed bytes. */
    @Override
    public String toString() {
        return "PendingGeneration[tableId=" + tableId + ", generation=" + generation + ", since=" + since + "]";
    }
}
