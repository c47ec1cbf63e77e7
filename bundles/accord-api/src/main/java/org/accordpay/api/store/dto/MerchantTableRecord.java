package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * A merchant's identification table at rest: the cells sealed under a data key wrapped by Accord's key
 * custody (opaque to the store).
 *
 * @param merchantId     the merchant
 * @param tableId        hex id of the table
 * @param generation     1, then one more for each new table
 * @param sealedTable    the cells, sealed; challenged cells are zeroed before sealing
 * @param wrappedDataKey the table's data key, wrapped
 * @param keyVersion     key-encryption key version of {@code wrappedDataKey}
 * @param cells          cells issued
 * @param remainingCells cells never challenged
 * @param thresholdMinor purchases of at least this amount need the merchant's proof
 * @param currency       the threshold's ISO 4217 currency
 * @param issuedAt       when the table was issued
 * @param updatedAt      last change
 * @param version        optimistic version (0 for a new row)
 * @since 1.4
 */
public record MerchantTableRecord(String merchantId, String tableId, int generation, byte[] sealedTable,
        byte[] wrappedDataKey, int keyVersion, int cells, int remainingCells, long thresholdMinor, String currency,
        Instant issuedAt, Instant updatedAt, long version) {
}
