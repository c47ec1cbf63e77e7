package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * Which database the store runs on.
 *
 * @param database      product name and version, e.g. {@code H2 2.3.232}
 * @param jdbcUrl       JDBC URL without credentials
 * @param schemaVersion last applied migration
 * @param since         when this store came up
 * @param problem       last configuration change refused and why, or null
 */
public record StoreInfo(String database, String jdbcUrl, String schemaVersion, Instant since, String problem) {
}
