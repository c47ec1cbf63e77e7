package org.accordpay.courier.loopback.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.accordpay.api.courier.CourierConnector;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.courier.CourierException;
import org.accordpay.api.courier.dto.DeliveryEvent;
import org.accordpay.api.courier.dto.Shipment;
import org.accordpay.api.time.AccordClock;
import org.accordpay.courier.loopback.LoopbackShipments;
import org.accordpay.courier.loopback.ShipmentStatus;
import org.accordpay.courier.loopback.WatchedShipment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback courier: remembers what Accord asks it to watch and reports deliveries to
 * {@link CourierEvents} on command, or at once when {@code autoDeliver} (then shipments watched
 * while Accord's CourierEvents is absent are delivered when it comes).
 */
final class LoopbackCourier implements CourierConnector, LoopbackShipments {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackCourier.class);
    static final String AUTO_DETAIL = "delivered (loopback courier, automatic)";

    private final String id;
    private final ShipmentBook book;
    private final AccordClock clock;
    private final boolean autoDeliver;
    private final Executor executor;
    private volatile CourierEvents events;

    LoopbackCourier(String id, ShipmentBook book, AccordClock clock, boolean autoDeliver, Executor executor) {
        this.id = id;
        this.book = book;
        this.clock = clock;
        this.autoDeliver = autoDeliver;
        this.executor = executor;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void watch(Shipment shipment) throws CourierException {
        if (shipment == null || shipment.trackingRef() == null || shipment.trackingRef().isBlank()) {
            throw new IllegalArgumentException("a tracking reference is required");
        }
        if (shipment.courierId() != null && !id.equals(shipment.courierId())) {
            LOG.warn("Shipment {} names courier {}, watched by {} anyway", shipment.trackingRef(), shipment.courierId(), id);
        }
        boolean added;
        try {
            added = book.watch(ShipmentBook.clean(shipment.trackingRef(), "-"),
                    ShipmentBook.clean(shipment.purchaseId(), "-"), clock.now());
        } catch (IOException e) {
            throw new CourierException("shipment not recorded: " + e.getMessage());
        }
        if (added && autoDeliver) {
            later(() -> autoDeliver(shipment.trackingRef()));
        }
    }

    void eventsBound(CourierEvents service) {
        events = service;
        if (autoDeliver) {
            later(() -> book.all().stream().filter(s -> s.status() == ShipmentStatus.WATCHING)
                    .forEach(s -> autoDeliver(s.trackingRef())));
        }
    }

    void eventsUnbound(CourierEvents service) {
        if (events == service) {
            events = null;
        }
    }

    private void later(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("courier stopping: task dropped");
        }
    }

    private void autoDeliver(String trackingRef) {
        if (events == null) {
            return; // delivered when CourierEvents comes
        }
        try {
            deliver(trackingRef, true, AUTO_DETAIL);
        } catch (RuntimeException e) {
            LOG.warn("Automatic delivery of {} not reported: {}", trackingRef, e.toString());
        }
    }

    @Override
    public List<WatchedShipment> shipments() {
        return book.all();
    }

    @Override
    public Optional<WatchedShipment> find(String trackingRef) {
        return book.find(trackingRef);
    }

    @Override
    public boolean deliver(String trackingRef, boolean delivered, String detail) {
        if (book.find(trackingRef).isEmpty()) {
            throw new IllegalArgumentException("no shipment with tracking reference " + trackingRef);
        }
        CourierEvents current = events;
        if (current == null) {
            throw new IllegalStateException("Accord's CourierEvents is not available (is the payments feature installed?)");
        }
        String text = ShipmentBook.clean(detail, delivered ? "delivered" : "delivery failed");
        DeliveryEvent event = new DeliveryEvent(id, trackingRef, delivered, text, clock.now());
        boolean matched = current.delivery(event);
        try {
            book.reported(trackingRef, delivered, text, event.at());
        } catch (IOException e) {
            LOG.warn("Delivery of {} reported but not recorded: {}", trackingRef, e.toString());
        }
        LOG.info("Courier {} reported {} {} ({})", id, trackingRef, delivered ? "delivered" : "failed",
                matched ? "matched a purchase" : "ignored by Accord");
        return matched;
    }

    @Override
    public String toString() {
        return "LoopbackCourier[" + id + (autoDeliver ? ", auto" : "") + "]";
    }
}
