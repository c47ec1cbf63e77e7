package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.store.dto.SmsAttempt;
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
     * @param limit   at most this many, longest due first
     * @return pending rows that are due
     */
    List<OutboxMessage> due(String channel, Instant now, int limit);

    /**
     * Takes rows out of {@link #due} until {@code until} while a worker hands them over (a lease): the
     * worker records each one's outcome before then; a worker that dies leaves them due again at
     * {@code until}. Rows already done are left alone.
     *
     * @param messageIds rows just read by {@link #due}
     * @param until      when they fall due again if nothing is recorded
     */
    void claim(List<String> messageIds, Instant until);

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

    /**
     * Records that a carrier accepted an SMS row, and keeps the row pending until
     * {@code receiptDueAt}: it is done once a delivery report says delivered, and due again (for the
     * next carrier) when no report came by then.
     *
     * @param attempt      the hand-over (its attempt number must be new for the row)
     * @param receiptDueAt when to give up waiting for the report
     * @param deliveredVia the connector and mode, as for {@link #markDone(String, Instant, String)}
     */
    void awaitReceipt(SmsAttempt attempt, Instant receiptDueAt, String deliveredVia);

    /** Records a hand-over whose carrier sends no reports (the row is marked done by the caller). */
    void recordAttempt(SmsAttempt attempt);

    /** @return every hand-over of an SMS row, first first */
    List<SmsAttempt> attempts(String messageId);

    /**
     * Matches a delivery report to the latest hand-over of the row to that carrier that has no report
     * yet. When it says delivered the row is marked done; when it says failed, the row is due at
     * {@code at} again, for the next carrier.
     *
     * @return the matched hand-over, or empty when none waits for a report (unknown row, duplicate report)
     */
    java.util.Optional<SmsAttempt> matchReport(String messageId, String carrierId, boolean delivered, String detail,
            Instant at);

    /**
     * As {@link #awaitReceipt} for many hand-overs in one go (the attempts are inserted in JDBC batches and
     * the rows updated with one statement per connector): what the outbox dispatcher does per batch.
     * A hand-over whose delivery report overtook this record (the attempt already carries a
     * {@code reportedAt} and {@code delivered = true}) is written as reported and closes its row at once,
     * at the report's time: one write instead of a hand-over and a later match.
     *
     * @param attempts     hand-overs, each with an attempt number new for its row
     * @param receiptDueAt when to give up waiting for their reports
     * @param deliveredVia the connector and mode of each hand-over, by message id
     */
    default void awaitReceipts(List<SmsAttempt> attempts, Instant receiptDueAt,
            java.util.Map<String, String> deliveredVia) {
        for (SmsAttempt a : attempts) {
            boolean reported = a.reportedAt() != null && Boolean.TRUE.equals(a.delivered());
            awaitReceipt(reported ? new SmsAttempt(a.messageId(), a.attemptNo(), a.carrierId(), a.toE164(),
                    a.sentAt(), null, null, null) : a, receiptDueAt, deliveredVia.get(a.messageId()));
            if (reported) {
                matchReport(a.messageId(), a.carrierId(), true, a.detail(), a.reportedAt());
            }
        }
    }

    /**
     * As {@link #matchReport} for many reports in one go, in order.
     *
     * @return for each report, the hand-over it matched, or empty
     */
    default List<java.util.Optional<SmsAttempt>> matchReports(List<org.accordpay.api.store.dto.SmsReport> reports,
            Instant at) {
        List<java.util.Optional<SmsAttempt>> out = new java.util.ArrayList<>();
        for (var r : reports) {
            out.add(matchReport(r.messageId(), r.carrierId(), r.delivered(), r.detail(), at));
        }
        return out;
    }
}
