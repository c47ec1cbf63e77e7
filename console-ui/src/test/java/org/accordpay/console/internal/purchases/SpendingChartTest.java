package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.junit.jupiter.api.Test;

class SpendingChartTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Map<YearMonth, List<Money>> twelveMonths() {
        Map<YearMonth, List<Money>> perMonth = new LinkedHashMap<>();
        YearMonth first = YearMonth.of(2026, 1);
        for (int i = 0; i < 12; i++) {
            perMonth.put(first.plusMonths(i), List.of());
        }
        perMonth.put(YearMonth.of(2026, 3), List.of(Money.of(1000, "EUR")));
        perMonth.put(YearMonth.of(2026, 11), List.of(Money.of(4000, "EUR"), Money.of(99_999, "GBP")));
        perMonth.put(YearMonth.of(2026, 12), List.of(Money.of(2000, "EUR")));
        return perMonth;
    }

    @Test
    void oneBarPerMonthInProportionToWhatWasSpent() {
        Element svg = SpendingChart.svg(twelveMonths(), "EUR");
        assertThat(svg.getTag()).isEqualTo("svg");
        List<Element> bars = svg.getChildren().filter(e -> "rect".equals(e.getTag())).toList();
        assertThat(bars).hasSize(12);
        int plot = SpendingChart.HEIGHT - SpendingChart.AXIS - SpendingChart.TOP;
        assertThat(bars.get(10).getAttribute("height")).isEqualTo(String.valueOf(plot));
        assertThat(bars.get(11).getAttribute("height")).isEqualTo(String.valueOf(plot / 2));
        assertThat(bars.get(2).getAttribute("height")).isEqualTo(String.valueOf(Math.round(plot / 4.0)));
        assertThat(bars.get(0).getAttribute("height")).isEqualTo("0");
        assertThat(bars.get(10).getAttribute("data-month")).isEqualTo("2026-11");
        assertThat(bars.get(10).getAttribute("data-minor")).isEqualTo("4000");
        assertThat(bars.get(10).getChild(0).getText()).isEqualTo("November 2026: 40.00 EUR");
        // bars stand on the same baseline
        assertThat(bars).allSatisfy(b -> assertThat(Integer.parseInt(b.getAttribute("y"))
                + Integer.parseInt(b.getAttribute("height"))).isEqualTo(SpendingChart.HEIGHT - SpendingChart.AXIS));
        String markup = svg.getOuterHTML();
        assertThat(markup).startsWith("<svg").contains("Dec 26").contains(">40.00<").doesNotContain("999.99");
    }

    @Test
    void theCurrencyDrawnIsTheOneSpentInMostMonths() {
        assertThat(SpendingChart.mainCurrency(twelveMonths())).contains("EUR");
        assertThat(SpendingChart.mainCurrency(Map.of(YearMonth.of(2026, 1), List.of()))).isEmpty();
        Element empty = SpendingChart.svg(Map.of(YearMonth.of(2026, 1), List.of()), "EUR");
        assertThat(empty.getChildren().filter(e -> "rect".equals(e.getTag())).toList())
                .singleElement().satisfies(b -> assertThat(b.getAttribute("height")).isEqualTo("0"));
    }

    @Test
    void perMonthTotalsCountEachPurchaseInTheMonthItWasCreatedInTheZone() {
        Purchase firstOfNovemberInParis = TestPurchases.purchase("p-1", "c-1", PurchaseState.DELIVERED, 500, "EUR",
                Instant.parse("2026-10-31T23:30:00Z"));
        Purchase november = TestPurchases.purchase("p-2", "c-1", PurchaseState.IN_ESCROW, 700, "EUR",
                Instant.parse("2026-11-15T10:00:00Z"));
        Purchase declined = TestPurchases.purchase("p-3", "c-1", PurchaseState.DECLINED, 900, "EUR",
                Instant.parse("2026-11-16T10:00:00Z"));
        Map<YearMonth, List<Money>> totals = MonthlyTotals.perMonth(List.of(firstOfNovemberInParis, november, declined),
                List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12)), PARIS);
        assertThat(totals).containsExactly(Map.entry(YearMonth.of(2026, 10), List.of()),
                Map.entry(YearMonth.of(2026, 11), List.of(Money.of(1200, "EUR"))),
                Map.entry(YearMonth.of(2026, 12), List.of()));
    }
}
