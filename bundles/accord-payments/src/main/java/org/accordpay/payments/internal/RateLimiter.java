package org.accordpay.payments.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per key: at most {@code perSecond} acquisitions per second, bursts up to that many. */
final class RateLimiter {

    private final int perSecond;
    private final Map<String, long[]> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perSecond) {
        this.perSecond = Math.max(1, perSecond);
    }

    /** @return true when one more request for {@code key} is allowed now */
    boolean tryAcquire(String key) {
        long now = System.nanoTime();
        long[] bucket = buckets.computeIfAbsent(key, k -> new long[] {perSecond * 1_000_000_000L, now});
        synchronized (bucket) {
            long capacity = perSecond * 1_000_000_000L;
            // tokens are kept in nano-tokens: perSecond tokens refill per second
            bucket[0] = Math.min(capacity, bucket[0] + (now - bucket[1]) * perSecond);
            bucket[1] = now;
            if (bucket[0] >= 1_000_000_000L) {
                bucket[0] -= 1_000_000_000L;
                return true;
            }
            return false;
        }
    }
}
