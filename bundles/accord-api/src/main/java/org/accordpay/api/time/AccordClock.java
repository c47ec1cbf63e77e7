package org.accordpay.api.time;

import java.time.Clock;
import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one source of time in Accord. Every expiry, retry schedule and dispute window reads it,
 * so a test can move time forward through {@link ClockControl} instead of sleeping.
 */
@ProviderType
public interface AccordClock {

    /** @return the current instant (UTC) */
    Instant now();

    /** @return a {@link Clock} view of this time source, zone UTC */
    Clock asClock();
}
