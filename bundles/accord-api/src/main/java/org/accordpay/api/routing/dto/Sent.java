package org.accordpay.api.routing.dto;

/**
 * A message a carrier accepted.
 *
 * @param carrierId     the carrier connection that took it
 * @param operator      the mobile operator the number was routed to, or {@code default}
 * @param awaitsReceipt true when the carrier will send a delivery report for it
 */
public record Sent(String carrierId, String operator, boolean awaitsReceipt) {
}
