package org.accordpay.console.internal.purchases;

import com.vaadin.flow.dom.Element;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.accordpay.api.money.Money;

/**
 * Monthly spending as a bar chart in SVG, built on the server with Vaadin's Element API (no chart
 * add-on, nothing to add to the prebuilt front end): one bar per month in one currency, its height
 * in proportion to the month's net spending, with the amount in the bar's tooltip and label.
 */
public final class SpendingChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    /** Room under the bars for the month names, and above them for the amounts. */
    static final int AXIS = 24;
    static final int TOP = 20;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_LONG = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private SpendingChart() {
    }

    /**
     * @return the currency most spent in, counted in months with spending (then by code), or empty when
     *         nothing was spent
     */
    public static Optional<String> mainCurrency(Map<YearMonth, List<Money>> perMonth) {
        Map<String, Integer> months = new TreeMap<>();
        perMonth.values().forEach(amounts -> amounts.stream().filter(m -> m.minorUnits() > 0)
                .forEach(m -> months.merge(m.currency(), 1, Integer::sum)));
        return months.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey);
    }

    /** @return what was spent in {@code currency} in each month (0 when nothing), in the map's order */
    static long[] amounts(Map<YearMonth, List<Money>> perMonth, String currency) {
        return perMonth.values().stream().mapToLong(amounts -> amounts.stream()
                .filter(m -> m.currency().equals(currency)).mapToLong(Money::minorUnits).sum()).map(v -> Math.max(0, v))
                .toArray();
    }

    /**
     * @param perMonth net spending per month, oldest first (as {@link MonthlyTotals#perMonth})
     * @param currency the currency to draw
     * @return the {@code <svg>} element, one {@code <rect class="bar">} per month
     */
    public static Element svg(Map<YearMonth, List<Money>> perMonth, String currency) {
        List<YearMonth> months = List.copyOf(perMonth.keySet());
        long[] values = amounts(perMonth, currency);
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        Element svg = new Element("svg");
        svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
        svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        svg.setAttribute("width", "100%");
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", "Spending per month in " + currency);
        svg.setAttribute("data-currency", currency);
        int n = Math.max(1, months.size());
        int slot = WIDTH / n;
        int barWidth = Math.max(4, slot * 3 / 5);
        int plot = HEIGHT - AXIS - TOP;
        Element baseline = new Element("line");
        baseline.setAttribute("x1", "0").setAttribute("x2", String.valueOf(WIDTH))
                .setAttribute("y1", String.valueOf(HEIGHT - AXIS)).setAttribute("y2", String.valueOf(HEIGHT - AXIS))
                .setAttribute("stroke", "#8a96a3");
        svg.appendChild(baseline);
        for (int i = 0; i < months.size(); i++) {
            int height = max == 0 ? 0 : (int) Math.round((double) values[i] * plot / max);
            int x = i * slot + (slot - barWidth) / 2;
            String amount = MoneyText.of(values[i], currency);
            Element bar = new Element("rect");
            bar.setAttribute("class", "bar").setAttribute("x", String.valueOf(x))
                    .setAttribute("y", String.valueOf(HEIGHT - AXIS - height))
                    .setAttribute("width", String.valueOf(barWidth)).setAttribute("height", String.valueOf(height))
                    .setAttribute("fill", "#1676f3").setAttribute("data-month", months.get(i).toString())
                    .setAttribute("data-minor", String.valueOf(values[i]));
            Element title = new Element("title");
            title.setText(MONTH_LONG.format(months.get(i)) + ": " + amount);
            bar.appendChild(title);
            svg.appendChild(bar);
            svg.appendChild(label(x + barWidth / 2, HEIGHT - 6, MONTH.format(months.get(i)), "#4a5560"));
            if (values[i] > 0) {
                svg.appendChild(label(x + barWidth / 2, HEIGHT - AXIS - height - 4,
                        MoneyText.decimal(values[i], currency), "#1a2733"));
            }
        }
        return svg;
    }

    private static Element label(int x, int y, String text, String colour) {
        Element label = new Element("text");
        label.setAttribute("x", String.valueOf(x)).setAttribute("y", String.valueOf(y))
                .setAttribute("text-anchor", "middle").setAttribute("font-size", "11").setAttribute("fill", colour);
        label.setText(text);
        return label;
    }
}
