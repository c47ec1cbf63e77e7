package org.accordpay.carrier.loopback.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.accordpay.api.time.AccordClock;

/** A {@link Clock} that reads Accord's time on every call (the handset agent's clock, following ClockControl). */
final class AccordTimeClock extends Clock {

    private final AccordClock clock;

    AccordTimeClock(AccordClock clock) {
        this.clock = clock;
    }

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
        return clock.now();
    }
}
