package org.accordpay.store.internal;

import java.time.Clock;
import java.time.Instant;
import org.accordpay.api.time.AccordClock;

/** System time as an {@link AccordClock}, for tests that build components by hand. */
final class TestClock implements AccordClock {

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Clock asClock() {
        return Clock.systemUTC();
    }
}
