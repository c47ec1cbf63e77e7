package org.accordpay.console.internal.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;
import org.junit.jupiter.api.Test;

class OrderFilterTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void wholeDaysInTheZoneBothIncludedAndAmountsInMinorUnits() {
        MerchantOrderQuery q = OrderFilter.query("m-1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), PARIS,
                Set.of(PurchaseState.IN_ESCROW), "10", "12,50", "EUR", "c-9");
        assertThat(q.merchantId()).isEqualTo("m-1");
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(q.states()).containsExactly(PurchaseState.IN_ESCROW);
        assertThat(q.minTotal()).isEqualTo(1000);
        assertThat(q.maxTotal()).isEqualTo(1250);
        assertThat(q.customerId()).isEqualTo("c-9");
        MerchantOrderQuery open = OrderFilter.query("m-1", LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 5), PARIS,
                null, " ", null, "EUR", null);
        assertThat(open.minTotal()).isNull();
        assertThat(open.maxTotal()).isNull();
        assertThat(open.states()).isEmpty();
        assertThat(OrderFilter.minorUnits("7", "JPY", "lowest")).isEqualTo(7);
    }

    @Test
    void nonsenseIsRefusedWithWordsForTheMerchant() {
        LocalDate d = LocalDate.of(2026, 12, 5);
        assertThatThrownBy(() -> OrderFilter.query("m-1", d, d.minusDays(1), PARIS, null, null, null, "EUR", null))
                .hasMessage("The last day comes before the first day.");
        assertThatThrownBy(() -> OrderFilter.query("m-1", null, d, PARIS, null, null, null, "EUR", null))
                .hasMessageContaining("Choose the first and the last day");
        assertThatThrownBy(() -> OrderFilter.query("m-1", d, d.plusDays(400), PARIS, null, null, null, "EUR", null))
                .hasMessageContaining("at most 366 days");
        assertThatThrownBy(() -> OrderFilter.query("m-1", d, d, PARIS, null, "20", "10", "EUR", null))
                .hasMessage("The highest amount is below the lowest amount.");
        for (String bad : new String[] {"-1", "1.234", "abc", "1e3x"}) {
            assertThatThrownBy(() -> OrderFilter.query("m-1", d, d, PARIS, null, bad, null, "EUR", null))
                    .as(bad).hasMessageContaining("The lowest amount is not an amount in EUR");
        }
    }
}
