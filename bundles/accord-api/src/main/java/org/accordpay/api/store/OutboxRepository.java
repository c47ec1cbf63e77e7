package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.store.dto.OutboxMessage;

/**
 * Messages, bank calls and webhooks waiting to leave the process. A row is written in the
 * same transaction as the state change that causes it, then delivered by a worker.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OutboxRepository {

    /** Adds a row; its id must be new. */
    void enqueue(OutboxMessage message);

    /**
     * @param channel the kind of rows wanted ({@code sms}, {@code bank}, {@code webhook})
     * @param now     rows due at or before this instant are returned
     * @param limit   at most this many, oldest first
     * @return pending rows that are due
     */
    List<OutboxMessage> due(String channel, Instant now, int limit);

    /** Marks a row delivered; it will not be returned by {@link #due} again. */
    void markDone(String messageId, Instant at);

    /**
     * Marks a row delivered and records which connector took it.
     *
     * @param deliveredVia e.g. {@code bank:ledger/test} or {@code carrier:loopback/live}
     */
    void markDone(String messageId, Instant at, String deliveredVia);

    /** @return the connector that took a delivered row, if recorded */
    java.util.Optional<String> deliveredVia(String messageId);

    /** Records a failed attempt and when to try next. */
    void reschedule(String messageId, Instant nextAttemptAt, String lastError);

    /** @return up to {@code limit} rows not yet delivered, oldest first (for operators) */
    List<OutboxMessage> pending(int limit);
}
