package org.accordpay.api.store.dto;

/**
 * A carrier's delivery report as the outbox matches it to a hand-over.
 *
 * @param messageId the outbox row
 * @param carrierId the carrier connection that reports
 * @param delivered true when the handset got the message
 * @param detail    the carrier's status text, or null
 */
public record SmsReport(String messageId, String carrierId, boolean delivered, String detail) {
}
