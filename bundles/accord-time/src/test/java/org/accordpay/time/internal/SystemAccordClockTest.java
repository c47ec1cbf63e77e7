package org.accordpay.time.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SystemAccordClockTest {

    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private final SystemAccordClock clock = new SystemAccordClock(Clock.fixed(start, ZoneOffset.UTC));

    @Test
    void advancesAndResets() {
        clock.advance(Duration.ofMinutes(3));
        assertThat(clock.now()).isEqualTo(start.plusSeconds(180));
        assertThat(clock.asClock().instant()).isEqualTo(start.plusSeconds(180));
        clock.advance(Duration.ofDays(3));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(3).plusMinutes(3));
        clock.reset();
        assertThat(clock.now()).isEqualTo(start);
    }

    @Test
    void refusesToGoBack() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(start);
    }
}
