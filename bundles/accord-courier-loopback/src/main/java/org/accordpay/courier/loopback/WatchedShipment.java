package org.accordpay.courier.loopback;

import java.time.Instant;

/**
 * A shipment the loopback courier watches.
 *
 * @param trackingRef the tracking reference the merchant gave
 * @param purchaseId  the purchase shipped
 * @param watchedAt   when Accord asked the courier to watch it
 * @param status      where it stands
 * @param reportedAt  when the last delivery report was made, or null
 * @param detail      the last report's detail, or null
 */
public record WatchedShipment(String trackingRef, String purchaseId, Instant watchedAt, ShipmentStatus status,
        Instant reportedAt, String detail) {
}
