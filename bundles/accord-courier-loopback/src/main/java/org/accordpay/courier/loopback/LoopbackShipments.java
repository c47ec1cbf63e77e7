package org.accordpay.courier.loopback;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The loopback courier's shipments, kept under {@code ${karaf.data}/accord/} across restarts, and the
 * courier's side of a delivery: what a driver's scanner would report.
 */
@ProviderType
public interface LoopbackShipments {

    /** @return every shipment watched, in the order they were watched */
    List<WatchedShipment> shipments();

    /** @return the shipment with this tracking reference, if watched */
    Optional<WatchedShipment> find(String trackingRef);

    /**
     * Reports a delivery (or a failed one) to Accord through {@link org.accordpay.api.courier.CourierEvents}.
     * Reporting the same shipment again is harmless.
     *
     * @param trackingRef a watched shipment's tracking reference
     * @param delivered   true when delivered to the customer, false for a failed delivery
     * @param detail      the courier's status text, or null for a default one
     * @return true when Accord matched the report to a shipped purchase, false when it ignored it
     * @throws IllegalArgumentException the shipment is not watched
     * @throws IllegalStateException    Accord's CourierEvents is not there now (nothing is recorded)
     */
    boolean deliver(String trackingRef, boolean delivered, String detail);
}
