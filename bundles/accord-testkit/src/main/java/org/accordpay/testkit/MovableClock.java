package org.accordpay.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.accordpay.api.time.AccordClock;

/**
 * An {@link AccordClock} for tests that moves only when told to. {@link #asClock()} follows it, so
 * anything built on the {@link Clock} (a store, a simulated handset) sees every move.
 */
public final class MovableClock implements AccordClock {

    private volatile Instant now = Instant.parse("2026-11-25T10:00:00Z");

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Clock asClock() {
        MovableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return source.now();
            }
        };
    }
}
