package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PurchasePeriodTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-12-05T15:00:00Z");

    @Test
    void wholeDaysInTheZoneFirstAndLastIncluded() {
        PurchasePeriod p = PurchasePeriod.picked(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 11, 28), NOW, PARIS);
        // summer time on 3 October, winter time after 25 October
        assertThat(p.from()).isEqualTo(Instant.parse("2026-10-02T22:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-11-28T23:00:00Z"));
        assertThat(p.months()).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
        assertThat(p.label()).isEqualTo("3 Oct 2026 – 28 Nov 2026");
        assertThat(p.fileLabel()).isEqualTo("2026-10-03_2026-11-28");
    }

    @Test
    void aMonthIsThePeriodOfItsDaysAndOneDayIsAPeriod() {
        MonthRange november = new MonthRange(YearMonth.of(2026, 11), PARIS);
        assertThat(november.period().from()).isEqualTo(november.from());
        assertThat(november.period().to()).isEqualTo(november.to());
        PurchasePeriod day = PurchasePeriod.picked(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 5), NOW, PARIS);
        assertThat(day.months()).containsExactly(YearMonth.of(2026, 12));
        assertThat(java.time.Duration.between(day.from(), day.to()).toHours()).isEqualTo(24);
    }

    @Test
    void badPicksAreRefusedWithWordsForTheCustomer() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertThatThrownBy(() -> PurchasePeriod.picked(null, today, NOW, PARIS))
                .hasMessage("Pick the first and the last day of the period.");
        assertThatThrownBy(() -> PurchasePeriod.picked(today, today.minusDays(1), NOW, PARIS))
                .hasMessage("The last day comes before the first day.");
        assertThatThrownBy(() -> PurchasePeriod.picked(today.plusDays(1), today.plusDays(3), NOW, PARIS))
                .hasMessage("The period starts after today.");
        assertThatThrownBy(() -> PurchasePeriod.picked(today.minusDays(PurchasePeriod.MAX_DAYS), today, NOW, PARIS))
                .hasMessageStartingWith("Pick at most");
        assertThat(PurchasePeriod.picked(today.minusDays(PurchasePeriod.MAX_DAYS - 1), today, NOW, PARIS).months())
                .hasSize(25);
    }
}
