package org.accordpay.console.internal.operator;

import java.util.List;
import java.util.Locale;

/**
 * A small line plot of message rates as an SVG document, drawn on the server (no chart add-on):
 * accepted messages per minute in blue, failures in red, the scale's maximum written on the axis.
 */
final class RatePlot {

    static final int WIDTH = 480;
    static final int HEIGHT = 120;
    private static final int MARGIN = 24;

    private RatePlot() {
    }

    /** @return the SVG document of the rates, oldest on the left; an empty frame when there are none */
    static String svg(List<TrafficSampler.Rate> rates) {
        double max = 1;
        for (TrafficSampler.Rate r : rates) {
            max = Math.max(max, Math.max(r.sent(), r.failed()));
        }
        max = Math.ceil(max);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\" stroke=\"#d0d5dd\"/>");
        svg.append("<text x=\"4\" y=\"12\" font-size=\"10\" font-family=\"sans-serif\" fill=\"#555\">")
                .append(String.format(Locale.ROOT, "%.0f/min", max)).append("</text>");
        svg.append("<text x=\"4\" y=\"").append(HEIGHT - 4)
                .append("\" font-size=\"10\" font-family=\"sans-serif\" fill=\"#555\">0</text>");
        svg.append(line(rates, max, true, "#1676f3"));
        svg.append(line(rates, max, false, "#e3342f"));
        svg.append("</svg>");
        return svg.toString();
    }

    private static String line(List<TrafficSampler.Rate> rates, double max, boolean sent, String colour) {
        if (rates.size() < 2) {
            return "";
        }
        double plotWidth = WIDTH - MARGIN - 4;
        double plotHeight = HEIGHT - 16;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < rates.size(); i++) {
            double value = sent ? rates.get(i).sent() : rates.get(i).failed();
            double x = MARGIN + plotWidth * i / (rates.size() - 1);
            double y = HEIGHT - 8 - plotHeight * value / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + points.toString().trim()
                + "\"/>";
    }
}
