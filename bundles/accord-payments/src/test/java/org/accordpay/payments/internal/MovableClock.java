package org.accordpay.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.accordpay.api.time.AccordClock;

/** An AccordClock for tests that moves only when told to. */
final class MovableClock implements AccordClock {

    private volatile Instant now = Instant.parse("2026-11-25T10:00:00Z");

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Clock asClock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }
}
