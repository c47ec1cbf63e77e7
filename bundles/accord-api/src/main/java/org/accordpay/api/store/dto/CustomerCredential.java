package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * A customer's enrolled credential: the device keys and the current identification table.
 * Every {@code byte[]} is opaque to the store (already signed, wrapped or sealed by the caller)
 * and is copied in and out, so records never share arrays with the store.
 *
 * @param customerId          customer (opaque id, at most 64 characters; no foreign key)
 * @param deviceId            enrolled device
 * @param deviceSigningKey    the device's Ed25519 public key
 * @param deviceTransportKey  the device's transport key, already wrapped by the caller
 * @param tableId             id of the current identification table
 * @param generation          generation of the table, increased on every re-issue
 * @param sealedTable         the table, sealed (AES-GCM) by the caller; at most 65,535 bytes
 * @param wrappedDataKey      the data key that sealed the table, wrapped by the key encryption key
 * @param keyVersion          version of the key encryption key that wrapped {@code wrappedDataKey}
 * @param remainingCells      cells of the table not used yet
 * @param consecutiveFailures wrong answers since the last right one
 * @param lockedAt            when the credential was locked out, or null while usable
 * @param lockReason          why it was locked out, or null
 * @param enrolledAt          enrolment time
 * @param updatedAt           last change
 * @param pending             the next table generation prepared by a re-provisioning and not yet
 *                            acknowledged by the handset, or null
 * @param version             optimistic version, set by the store (ignored on insert)
 */
public record CustomerCredential(String customerId, String deviceId, byte[] deviceSigningKey,
        byte[] deviceTransportKey, String tableId, int generation, byte[] sealedTable, byte[] wrappedDataKey,
        int keyVersion, int remainingCells, int consecutiveFailures, Instant lockedAt, String lockReason,
        Instant enrolledAt, Instant updatedAt, PendingGeneration pending, long version) {

    /** Copies the byte arrays. */
    public CustomerCredential {
        deviceSigningKey = copy(deviceSigningKey);
        deviceTransportKey = copy(deviceTransportKey);
        sealedTable = copy(sealedTable);
        wrappedDataKey = copy(wrappedDataKey);
    }

    /** @return a copy of the signing key */
    @Override
    public byte[] deviceSigningKey() {
        return copy(deviceSigningKey);
    }

    /** @return a copy of the wrapped transport key */
    @Override
    public byte[] deviceTransportKey() {
        return copy(deviceTransportKey);
    }

    /** @return a copy of the sealed table */
    @Override
    public byte[] sealedTable() {
        return copy(sealedTable);
    }

    /** @return a copy of the wrapped data key */
    @Override
    public byte[] wrappedDataKey() {
        return copy(wrappedDataKey);
    }

    /** @return the same credential with {@code pending} replaced (null clears it) */
    public CustomerCredential withPending(PendingGeneration next, Instant now) {
        return new CustomerCredential(customerId, deviceId, deviceSigningKey, deviceTransportKey, tableId, generation,
                sealedTable, wrappedDataKey, keyVersion, remainingCells, consecutiveFailures, lockedAt, lockReason,
                enrolledAt, now, next, version);
    }

    /** @return true while locked out */
    public boolean locked() {
        return lockedAt != null;
    }

    /** Compares the arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerCredential c && java.util.Objects.equals(customerId, c.customerId)
                && java.util.Objects.equals(deviceId, c.deviceId)
                && java.util.Arrays.equals(deviceSigningKey, c.deviceSigningKey)
                && java.util.Arrays.equals(deviceTransportKey, c.deviceTransportKey)
                && java.util.Objects.equals(tableId, c.tableId) && generation == c.generation
                && java.util.Arrays.equals(sealedTable, c.sealedTable)
                && java.util.Arrays.equals(wrappedDataKey, c.wrappedDataKey) && keyVersion == c.keyVersion
                && remainingCells == c.remainingCells && consecutiveFailures == c.consecutiveFailures
                && java.util.Objects.equals(lockedAt, c.lockedAt) && java.util.Objects.equals(lockReason, c.lockReason)
                && java.util.Objects.equals(enrolledAt, c.enrolledAt) && java.util.Objects.equals(updatedAt, c.updatedAt)
                && java.util.Objects.equals(pending, c.pending) && version == c.version;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(customerId, tableId, generation, version);
    }

    /** Names the table and state; never prints key or table bytes. */
    @Override
    public String toString() {
        return "CustomerCredential[customerId=" + customerId + ", deviceId=" + deviceId + ", tableId=" + tableId
                + ", generation=" + generation + ", keyVersion=" + keyVersion + ", remainingCells=" + remainingCells
                + ", consecutiveFailures=" + consecutiveFailures + ", lockedAt=" + lockedAt + ", lockReason="
                + lockReason + ", enrolledAt=" + enrolledAt + ", updatedAt=" + updatedAt + ", pending=" + pending + ", version=" + version + "]";
    }

    private static byte[] copy(byte[] b) {
        return b == null ? null : b.clone();
    }
}
