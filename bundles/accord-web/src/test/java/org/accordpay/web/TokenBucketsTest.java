package org.accordpay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-client limits of the public servers. */
class TokenBucketsTest {

    @Test
    void tokenBucketsRefillOverTheirPeriod() {
        TokenBuckets buckets = new TokenBuckets(2, Duration.ofSeconds(10));
        long t = 1_000_000_000L;
        assertThat(buckets.tryAcquire("a", t)).isTrue();
        assertThat(buckets.tryAcquire("a", t)).isTrue();
        assertThat(buckets.tryAcquire("a", t)).isFalse();
        assertThat(buckets.tryAcquire("b", t)).isTrue();
        assertThat(buckets.tryAcquire("a", t + 4_000_000_000L)).isFalse();
        assertThat(buckets.tryAcquire("a", t + 5_000_000_000L)).isTrue();
        assertThat(buckets.tryAcquire("a", t + 5_000_000_000L)).isFalse();
    }

}
