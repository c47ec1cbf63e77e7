package org.accordpay.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** When each webhook event of one purchase arrived ({@link System#nanoTime()}); waiters are woken per event. */
final class PurchaseTrace {

    private final String purchaseId;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    PurchaseTrace(String purchaseId) {
        this.purchaseId = purchaseId;
    }

    /** @return false when this event type had already arrived (a redelivery) */
    boolean event(String type, long nanos) {
        boolean first = arrivals.putIfAbsent(type, nanos) == null;
        if (first) {
            synchronized (this) {
                notifyAll();
            }
        }
        return first;
    }

    Long arrival(String type) {
        return arrivals.get(type);
    }

    /**
     * Waits for one of {@code types}, or until {@code timeoutNanos}; a {@code poll} (may be null) is run every
     * {@code pollMillis} and may end the wait by answering a non-null nanoTime.
     *
     * @return the nanoTime the wait ended by an event or the poll, or -1 on timeout
     */
    long await(long timeoutNanos, long pollMillis, Poll poll, String... types) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        long nextPoll = poll == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis);
        while (true) {
            for (String type : types) {
                Long at = arrivals.get(type);
                if (at != null) {
                    return at;
                }
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                return -1;
            }
            if (now >= nextPoll) {
                if (poll.done()) {
                    return System.nanoTime();
                }
                nextPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis);
            }
            long waitNanos = Math.min(deadline, nextPoll) - now;
            synchronized (this) {
                if (types.length > 0 && arrivals.keySet().stream().noneMatch(java.util.List.of(types)::contains)) {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, Math.min(waitNanos, 1_000_000_000L)));
                }
            }
        }
    }

    /** A fallback check (GET /v1/purchases/{id}). */
    interface Poll {
        boolean done() throws Exception;
    }

    @Override
    public String toString() {
        return purchaseId + arrivals.keySet();
    }
}
