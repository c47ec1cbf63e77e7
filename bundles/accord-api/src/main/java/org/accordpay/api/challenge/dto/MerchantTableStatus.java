package org.accordpay.api.challenge.dto;

import java.time.Instant;

/**
 * A merchant's identification table as operators see it (no cells).
 *
 * @param merchantId     the merchant
 * @param tableId        hex id of the table
 * @param generation     its generation
 * @param cells          cells issued
 * @param remainingCells cells never challenged
 * @param thresholdMinor purchases of at least this amount need a proof
 * @param currency       the threshold's currency
 * @param issuedAt       when the table was issued
 * @since 1.1
 */
public record MerchantTableStatus(String merchantId, String tableId, int generation, int cells, int remainingCells,
        long thresholdMinor, String currency, Instant issuedAt) {
}
