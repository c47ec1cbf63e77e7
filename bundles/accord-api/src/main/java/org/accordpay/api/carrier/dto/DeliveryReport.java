package org.accordpay.api.carrier.dto;

import java.time.Instant;

/**
 * A carrier's receipt for an {@link OutboundSms}.
 *
 * @param carrierId connector that sent the message
 * @param messageId Accord's outbox id
 * @param delivered true when the handset received it
 * @param detail    carrier status text
 * @param at        when the carrier reported it
 */
public record DeliveryReport(String carrierId, String messageId, boolean delivered, String detail, Instant at) {
}
