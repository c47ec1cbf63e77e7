package org.accordpay.api.carrier.dto;

/**
 * A message to a handset. A challenge travels as a binary part to the handset agent's port,
 * next to a human-readable text.
 *
 * @param messageId  Accord's outbox id; carriers echo it in delivery reports (idempotency key)
 * @param toE164     destination number, E.164
 * @param text       human-readable text, or null
 * @param binary     binary payload for the handset agent, or null
 * @param port       application port of the binary payload, or 0
 */
public record OutboundSms(String messageId, String toE164, String text, byte[] binary, int port) {
}
