package org.accordpay.console.internal.merchant;

import static org.accordpay.console.internal.merchant.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.accordpay.api.purchase.PurchaseState;
import org.junit.jupiter.api.Test;

class DailyFiguresTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void everyDayOfThePeriodWithOrdersAndNetRevenueCutInTheZone() {
        var orders = List.of(
                // 23:30 UTC on the 1st is the 2nd in Paris
                order("a", "m-1", 2500, 500, PurchaseState.SETTLED, Instant.parse("2026-12-01T23:30:00Z")),
                order("b", "m-1", 1000, 0, PurchaseState.DECLINED, Instant.parse("2026-12-02T08:00:00Z")),
                order("c", "m-1", 700, 0, PurchaseState.IN_ESCROW, Instant.parse("2026-12-04T08:00:00Z")),
                order("d", "m-1", 900, 0, PurchaseState.IN_ESCROW, Instant.parse("2026-11-30T08:00:00Z")));
        var days = DailyFigures.of(orders, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4), PARIS, "EUR");
        assertThat(days).containsExactly(new DailyFigures(LocalDate.of(2026, 12, 1), 0, 0),
                new DailyFigures(LocalDate.of(2026, 12, 2), 2, 2000),
                new DailyFigures(LocalDate.of(2026, 12, 3), 0, 0),
                new DailyFigures(LocalDate.of(2026, 12, 4), 1, 700));
    }

    @Test
    void thePlotHasABarAndADotPerDayAndGoesToTheBrowserAsSvgMarkup() {
        var days = DailyFigures.of(List.of(order("a", "m-1", 2500, 0, PurchaseState.SETTLED,
                Instant.parse("2026-12-02T10:00:00Z"))), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), PARIS,
                "EUR");
        Element svg = DailyPlot.drawing(days, "EUR");
        assertThat(svg.getTag()).isEqualTo("svg");
        assertThat(svg.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        var bars = svg.getChildren().filter(e -> "revenue".equals(e.getAttribute("class"))).toList();
        assertThat(bars).hasSize(31);
        assertThat(svg.getChildren().filter(e -> "orders".equals(e.getAttribute("class")))).hasSize(31);
        // the only day with revenue has the full height, the others none
        assertThat(bars.get(1).getAttribute("height")).isEqualTo("190.0");
        assertThat(bars.get(0).getAttribute("height")).isEqualTo("0.0");
        assertThat(bars.get(1).getChild(0).getText()).isEqualTo("2026-12-02: 25.00 EUR, 1 order");
        DailyPlot plot = new DailyPlot();
        plot.show(days, "EUR");
        String markup = plot.getElement().getProperty("innerHTML");
        // the browser's HTML parser puts <svg> and its children in the SVG namespace (and restores viewBox's case)
        assertThat(markup).startsWith("<svg ").contains("xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("class=\"revenue\"").contains("<title>2026-12-02: 25.00 EUR, 1 order</title>");
        assertThat(DailyPlot.drawing(List.of(), "EUR").getChildCount()).isZero();
    }
}
