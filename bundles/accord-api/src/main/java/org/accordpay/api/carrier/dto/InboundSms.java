package org.accordpay.api.carrier.dto;

import java.time.Instant;

/**
 * A mobile-originated message (a handset's answer). The sender number proves nothing:
 * only the handset protocol's signature does.
 *
 * @param carrierId  connector that received it
 * @param fromE164   sender as reported by the network
 * @param binary     binary payload, or null
 * @param text       text, or null
 * @param receivedAt when the connector received it
 */
public record InboundSms(String carrierId, String fromE164, byte[] binary, String text, Instant receivedAt) {
}
