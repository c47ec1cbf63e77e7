package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.routing.dto.CarrierStatus;

/**
 * Carriers and their health, the outbox (rows waiting, age of the oldest) and the message rates
 * of the last two minutes, pushed to the browser every few seconds.
 */
@Route("")
@PageTitle("Accord operator – carriers & traffic")
public final class CarriersView extends OperatorPage {

    private static final long serialVersionUID = 1L;

    private final transient OperatorServices services;
    private final Grid<CarrierStatus> carriers = new Grid<>();
    private final Span outboxWaiting = new Span();
    private final Span outboxAge = new Span();
    private final Span rate = new Span();
    private final Span updated = new Span();
    private final Image plot = new Image();
    private transient ScheduledFuture<?> updates;

    CarriersView(OperatorServices services) {
        super("Carriers & traffic", "carriers-view");
        this.services = services;
        carriers.setId("carriers-grid");
        carriers.addColumn(CarrierStatus::id).setHeader("Carrier").setAutoWidth(true);
        carriers.addColumn(CarriersView::health).setHeader("Health").setAutoWidth(true);
        carriers.addColumn(c -> c.test() ? "test" : "live").setHeader("Traffic");
        carriers.addColumn(CarrierStatus::sent).setHeader("Sent");
        carriers.addColumn(CarrierStatus::failed).setHeader("Failed");
        carriers.addColumn(CarrierStatus::consecutiveFailures).setHeader("Failures in a row");
        carriers.setAllRowsVisible(true);
        outboxWaiting.setId("outbox-waiting");
        outboxAge.setId("outbox-age");
        rate.setId("message-rate");
        updated.setId("figures-updated");
        plot.setId("rate-plot");
        plot.setAlt("Messages per minute, last two minutes");
        add(carriers, new H2("Outbox"), outboxWaiting, outboxAge, new H2("Messages per minute"), rate, plot, updated);
    }

    @Override
    void entered(OperatorSession operator) {
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        int every = Math.max(1, services.refreshSeconds());
        // server push: the numbers change without the operator doing anything
        updates = services.refresh().scheduleWithFixedDelay(() -> ui.access(this::refresh), every, every,
                TimeUnit.SECONDS);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (updates != null) {
            updates.cancel(false);
        }
    }

    private void refresh() {
        carriers.setItems(services.routing().carriers());
        List<TrafficSampler.Sample> samples = services.traffic().samples();
        Instant now = services.clock().now();
        if (!samples.isEmpty()) {
            TrafficSampler.OutboxFigures o = samples.get(samples.size() - 1).outbox();
            outboxWaiting.setText("Waiting: " + o.waiting() + (o.waiting() == 1 ? " row" : " rows"));
            outboxAge.setText(o.oldest() == null ? "Oldest: none waiting"
                    : "Oldest: " + age(Duration.between(o.oldest(), now)));
        }
        List<TrafficSampler.Rate> rates = services.traffic().rates();
        if (!rates.isEmpty()) {
            TrafficSampler.Rate last = rates.get(rates.size() - 1);
            rate.setText(String.format(Locale.ROOT, "Now: %.0f sent/min, %.0f failed/min", last.sent(), last.failed()));
        }
        String svg = RatePlot.svg(rates);
        plot.setSrc("data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)));
        updated.setText("Updated " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static String health(CarrierStatus c) {
        if (!c.bound()) {
            return "not installed";
        }
        if (!c.available()) {
            return "link down";
        }
        if (!c.healthy()) {
            return "taken out" + (c.outUntil() == null ? "" : " until " + c.outUntil());
        }
        return "healthy";
    }

    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }
}
