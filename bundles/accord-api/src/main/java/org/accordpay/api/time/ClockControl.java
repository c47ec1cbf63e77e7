package org.accordpay.api.time;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Moves the {@link AccordClock} in tests. Only registered when the time configuration
 * ({@code org.accordpay.time}, {@code adjustable=true}) allows it; never in production.
 */
@ProviderType
public interface ClockControl {

    /**
     * Moves the clock forward.
     *
     * @param amount a positive duration
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    void advance(Duration amount);

    /** @return how far the clock has been moved ahead of the system clock */
    Duration offset();

    /** Returns the clock to system time. */
    void reset();
}
