package org.accordpay.bank.ledger.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.accordpay.api.time.AccordClock;

/** System time plus an offset tests can move forward, as an {@link AccordClock}. */
final class TestClock implements AccordClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
    }

    @Override
    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public Clock asClock() {
        return Clock.offset(Clock.system(ZoneOffset.UTC), offset.get());
    }
}
