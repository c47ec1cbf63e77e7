package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * An outbox row.
 *
 * @param id             row id, also the idempotency key sent downstream
 * @param channel        {@code sms}, {@code bank} or {@code webhook}
 * @param destination    connector id or routing key the row is meant for
 * @param purchaseId     purchase concerned, or null
 * @param payload        bytes to deliver
 * @param attempts       attempts made so far
 * @param nextAttemptAt  when the row is due
 * @param createdAt      when it was written
 * @param lastError      last failure, or null
 */
public record OutboxMessage(String id, String channel, String destination, String purchaseId, byte[] payload,
        int attempts, Instant nextAttemptAt, Instant createdAt, String lastError) {
}
