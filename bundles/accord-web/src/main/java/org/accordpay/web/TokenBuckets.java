package org.accordpay.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per key (a client address, a phone number): at most {@code capacity}
 * in a burst, refilled at {@code capacity} per {@code period}. Idle full buckets are dropped when the
 * table grows, so the memory stays bounded by the keys active within one period.
 */
public final class TokenBuckets {

    private static final int MAX_KEYS = 100_000;

    private final long capacity;
    private final long periodNanos;
    private final Map<String, long[]> buckets = new ConcurrentHashMap<>();

    /**
     * @param capacity requests allowed in a burst, and refilled per period (at least 1)
     * @param period   how long a full refill takes
     */
    public TokenBuckets(int capacity, Duration period) {
        this.capacity = Math.max(1, capacity);
        this.periodNanos = Math.max(1, period.toNanos());
    }

    /** @return true when one more request for {@code key} is allowed now (and counts it) */
    public boolean tryAcquire(String key) {
        return tryAcquire(key, System.nanoTime());
    }

    /**
     * @param nowNanos the current {@link System#nanoTime()} (tests move it)
     * @return true when one more request for {@code key} is allowed at {@code nowNanos} (and counts it)
     */
    public boolean tryAcquire(String key, long nowNanos) {
        if (buckets.size() > MAX_KEYS) {
            buckets.entrySet().removeIf(e -> level(e.getValue(), nowNanos) >= capacity * periodNanos);
        }
        long[] bucket = buckets.computeIfAbsent(key, k -> new long[] {capacity * periodNanos, nowNanos});
        synchronized (bucket) {
            // kept in token x period-nanos units: capacity tokens refill per period
            bucket[0] = level(bucket, nowNanos);
            bucket[1] = nowNanos;
            if (bucket[0] >= periodNanos) {
                bucket[0] -= periodNanos;
                return true;
            }
            return false;
        }
    }

    private long level(long[] bucket, long nowNanos) {
        long elapsed = Math.max(0, nowNanos - bucket[1]);
        long max = capacity * periodNanos;
        return elapsed >= periodNanos ? max : Math.min(max, bucket[0] + elapsed * capacity);
    }
}
