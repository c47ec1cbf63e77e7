package org.accordpay.carrier.smpp.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Spaces submit_sm evenly to at most {@code rate} per second; 0 means no limit. */
final class SendPacer {

    private final long intervalNanos;
    private long next;

    SendPacer(int rate) {
        this.intervalNanos = rate <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        this.next = System.nanoTime();
    }

    /**
     * Takes the next slot, waiting for it if it comes before the deadline.
     *
     * @param deadline {@link System#nanoTime()} not to wait past
     * @return false when the next free slot is after the deadline (nothing taken)
     */
    boolean acquire(long deadline) throws InterruptedException {
        if (intervalNanos == 0) {
            return true;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            // no saving up: an idle link starts again at the configured rate, not with a burst
            slot = Math.max(next, now);
            if (slot - deadline > 0) {
                return false;
            }
            next = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return true;
    }
}
