package org.accordpay.api.courier;

import org.accordpay.api.courier.dto.Shipment;

/**
 * SPI of a courier (delivery service) connection. Accord tells it which shipments to watch;
 * the courier reports their fate through {@link CourierEvents}. Connectors may come and go: a
 * shipment whose courier is absent is simply watched again when it comes back.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface CourierConnector {
    /** Service property carrying the courier id (what merchants give when they mark a purchase shipped). */
    String ID_PROPERTY = "accord.courier.id";

    /** @return the configured courier id, stable across restarts */
    String id();

    /**
     * Starts watching a shipment. Idempotent: watching the same tracking reference twice is harmless.
     *
     * @throws CourierException when the courier cannot take it now
     */
    void watch(Shipment shipment) throws CourierException;
}
