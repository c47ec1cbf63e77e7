package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MonthRangeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aMonthIsHalfOpenFromItsFirstMidnightToTheNextMonths() {
        MonthRange november = new MonthRange(YearMonth.of(2026, 11), ZoneOffset.UTC);
        assertThat(november.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(november.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(november.contains(Instant.parse("2026-11-30T23:59:59.999Z"))).isTrue();
        assertThat(november.contains(Instant.parse("2026-12-01T00:00:00Z"))).isFalse();
        assertThat(november.label()).isEqualTo("November 2026");
    }

    @Test
    void monthsAreCutInTheCustomersZone() {
        // 23:30 UTC on 31 October is already 1 November in Paris (UTC+1 in winter)
        Instant lateOctoberUtc = Instant.parse("2026-10-31T23:30:00Z");
        assertThat(MonthRange.containing(lateOctoberUtc, PARIS).month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(MonthRange.containing(lateOctoberUtc, ZoneOffset.UTC).month()).isEqualTo(YearMonth.of(2026, 10));
        MonthRange march = new MonthRange(YearMonth.of(2026, 3), PARIS);
        assertThat(march.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        // summer time starts on 29 March 2026: April begins at 22:00 UTC
        assertThat(march.to()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    }

    @Test
    void previousAndNextCrossYears() {
        MonthRange january = new MonthRange(YearMonth.of(2027, 1), PARIS);
        assertThat(january.previous().month()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(january.previous().next()).isEqualTo(january);
        assertThat(january.previous().to()).isEqualTo(january.from());
    }
}
