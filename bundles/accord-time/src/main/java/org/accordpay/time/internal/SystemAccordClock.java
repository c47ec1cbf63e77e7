package org.accordpay.time.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.time.ClockControl;

/** System time plus an offset that only a test configuration may move forward. */
final class SystemAccordClock implements AccordClock, ClockControl {

    private final Clock system;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    SystemAccordClock(Clock system) {
        this.system = system.withZone(ZoneOffset.UTC);
    }

    @Override
    public Instant now() {
        return system.instant().plus(offset.get());
    }

    @Override
    public Clock asClock() {
        return new OffsetView();
    }

    @Override
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    @Override
    public Duration offset() {
        return offset.get();
    }

    @Override
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** A {@link Clock} that follows this time source, offset included. */
    private final class OffsetView extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            if (ZoneOffset.UTC.equals(zone)) {
                return this;
            }
            throw new UnsupportedOperationException("Accord time is UTC");
        }

        @Override
        public Instant instant() {
            return now();
        }
    }
}
