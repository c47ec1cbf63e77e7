package org.accordpay.carrier.loopback;

import java.time.Instant;

/**
 * A text message a simulated handset received (the human-readable part of an SMS).
 *
 * @param messageId  Accord's outbox id of the message
 * @param text       the text
 * @param receivedAt when the handset received it (Accord time)
 */
public record InboxMessage(String messageId, String text, Instant receivedAt) {
}
