package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Locale;
import org.accordpay.console.internal.purchases.MoneyText;

/**
 * Orders and revenue per day as an SVG drawn on the server with the Element API: a bar per day for
 * the revenue, a line with a dot per day for the number of orders (right-hand scale). No chart
 * library and nothing for the browser to build. The drawing is handed to the browser as markup
 * ({@link Element#getOuterHTML()}, text escaped): elements the client creates one by one land in the
 * HTML namespace, where the browser does not draw SVG.
 */
@Tag("div")
final class DailyPlot extends Div {

    private static final long serialVersionUID = 1L;
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final int WIDTH = 900;
    static final int HEIGHT = 240;
    private static final int LEFT = 70;
    private static final int RIGHT = 40;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;

    DailyPlot() {
        setId("orders-plot");
        setWidthFull();
    }

    /** Draws the figures, replacing what was drawn before. */
    void show(List<DailyFigures> days, String currency) {
        getElement().setProperty("innerHTML", drawing(days, currency).getOuterHTML());
    }

    /** @return the SVG of the figures */
    static Element drawing(List<DailyFigures> days, String currency) {
        Element svg = svg("svg").setAttribute("xmlns", SVG_NS).setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT)
                .setAttribute("width", "100%").setAttribute("role", "img")
                .setAttribute("aria-label", "Orders and revenue per day");
        if (days.isEmpty()) {
            return svg;
        }
        long maxRevenue = Math.max(1, days.stream().mapToLong(DailyFigures::revenueMinor).max().orElse(1));
        int maxOrders = Math.max(1, days.stream().mapToInt(DailyFigures::orders).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double step = plotW / days.size();
        double barW = Math.max(1, step * 0.7);

        svg.appendChild(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#888"));
        svg.appendChild(text(LEFT - 6, TOP + 10, "end", MoneyText.of(maxRevenue, currency)));
        svg.appendChild(text(LEFT - 6, TOP + plotH, "end", "0"));
        svg.appendChild(text(LEFT + plotW + 6, TOP + 10, "start", maxOrders + "")
                .setAttribute("fill", "#c05621"));

        StringBuilder points = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            DailyFigures d = days.get(i);
            double x = LEFT + i * step + (step - barW) / 2;
            double h = plotH * d.revenueMinor() / maxRevenue;
            svg.appendChild(svg("rect").setAttribute("class", "revenue")
                    .setAttribute("x", fmt(x)).setAttribute("y", fmt(TOP + plotH - h))
                    .setAttribute("width", fmt(barW)).setAttribute("height", fmt(h))
                    .setAttribute("fill", "#2b6cb0")
                    .appendChild(svg("title").setText(d.day() + ": " + MoneyText.of(d.revenueMinor(), currency)
                            + ", " + d.orders() + (d.orders() == 1 ? " order" : " orders"))));
            double cx = LEFT + i * step + step / 2;
            double cy = TOP + plotH - plotH * d.orders() / maxOrders;
            points.append(fmt(cx)).append(',').append(fmt(cy)).append(' ');
            svg.appendChild(svg("circle").setAttribute("class", "orders").setAttribute("cx", fmt(cx))
                    .setAttribute("cy", fmt(cy)).setAttribute("r", "2.5").setAttribute("fill", "#c05621"));
            if (days.size() <= 31 ? i % 5 == 0 : i % (days.size() / 6 + 1) == 0) {
                svg.appendChild(text(cx, HEIGHT - 10, "middle", d.day().getDayOfMonth() + " "
                        + d.day().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)));
            }
        }
        svg.appendChild(svg("polyline").setAttribute("points", points.toString().strip())
                .setAttribute("fill", "none").setAttribute("stroke", "#c05621").setAttribute("stroke-width", "1.5"));
        return svg;
    }

    private static Element line(double x1, double y1, double x2, double y2, String colour) {
        return svg("line").setAttribute("x1", fmt(x1)).setAttribute("y1", fmt(y1)).setAttribute("x2", fmt(x2))
                .setAttribute("y2", fmt(y2)).setAttribute("stroke", colour);
    }

    private static Element text(double x, double y, String anchor, String words) {
        return svg("text").setAttribute("x", fmt(x)).setAttribute("y", fmt(y)).setAttribute("text-anchor", anchor)
                .setAttribute("font-size", "11").setText(words);
    }

    private static Element svg(String tag) {
        return new Element(tag);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
