package org.accordpay.api.challenge.dto;

/**
 * What enrolment produced: the package to deliver to the handset over TLS, once.
 *
 * @param customerId opaque customer id
 * @param deviceId   the device id Accord assigned
 * @param tableId    the identification table's id
 * @param generation table generation (1 at enrolment, +1 per re-provisioning)
 * @param cells      number of cells in the table
 * @param packageBytes the sealed provisioning package (handset protocol v1), readable only by the
 *                   enrolling device: deliver it over TLS, once
 */
public record Provisioning(String customerId, String deviceId, String tableId, int generation, int cells,
        byte[] packageBytes) {
}
