package org.accordpay.routing.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The health of one carrier connection as routing sees it: after {@code threshold} failed sends in a
 * row it is taken out, and once {@code probeInterval} has passed one message is let through as a probe;
 * a success brings it back, a failure takes it out again. Thread-safe.
 */
final class CarrierHealth {

    private final int threshold;
    private final Duration probeInterval;
    private int consecutiveFailures;
    private Instant outUntil;
    private long sent;
    private long failed;

    CarrierHealth(int threshold, Duration probeInterval) {
        this.threshold = Math.max(1, threshold);
        this.probeInterval = probeInterval;
    }

    /** @return true when it takes traffic: healthy, or out but due for a probe */
    synchronized boolean usable(Instant now) {
        return outUntil == null || !now.isBefore(outUntil);
    }

    /** @return true when it has not been taken out */
    synchronized boolean healthy() {
        return outUntil == null;
    }

    synchronized void succeeded() {
        sent++;
        consecutiveFailures = 0;
        outUntil = null;
    }

    /** @return true when this failure took the carrier out */
    synchronized boolean failed(Instant now) {
        failed++;
        consecutiveFailures++;
        if (consecutiveFailures >= threshold) {
            boolean wasIn = outUntil == null;
            outUntil = now.plus(probeInterval);
            return wasIn;
        }
        return false;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized Instant outUntil() {
        return outUntil;
    }

    synchronized long sent() {
        return sent;
    }

    synchronized long failedCount() {
        return failed;
    }
}
