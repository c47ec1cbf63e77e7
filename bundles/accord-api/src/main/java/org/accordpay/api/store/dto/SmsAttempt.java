package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * One hand-over of an outbox SMS to a carrier, and what the carrier later reported.
 *
 * @param messageId  the outbox row
 * @param attemptNo  1 for the first carrier, 2 for the next, ...
 * @param carrierId  the carrier connection that took it
 * @param toE164     the number it was sent to
 * @param sentAt     when the carrier accepted it
 * @param reportedAt when its delivery report arrived, or null
 * @param delivered  the report's verdict, or null while none arrived
 * @param detail     the carrier's status text, or null
 */
public record SmsAttempt(String messageId, int attemptNo, String carrierId, String toE164, Instant sentAt,
        Instant reportedAt, Boolean delivered, String detail) {
}
