package org.accordpay.api.challenge.dto;

/**
 * A merchant's identification table as handed over once: Accord keeps only its encrypted copy.
 *
 * @param merchantId     the merchant
 * @param tableId        hex id of the table
 * @param generation     1 for the first table, one more for each new one
 * @param cellLength     bytes per cell
 * @param cells          the cells, cell {@code i} at bytes {@code [i * cellLength, (i + 1) * cellLength)}
 * @param thresholdMinor purchases of at least this amount need a proof
 * @param currency       the threshold's ISO 4217 currency
 * @since 1.1
 */
public record IssuedMerchantTable(String merchantId, String tableId, int generation, int cellLength, byte[] cells,
        long thresholdMinor, String currency) {

    /** @return the number of cells */
    public int cellCount() {
        return cells.length / cellLength;
    }
}
