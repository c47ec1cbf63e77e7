package org.accordpay.courier.loopback;

/** Where a watched shipment stands at the loopback courier. */
public enum ShipmentStatus {
    /** Watched; no delivery reported yet. */
    WATCHING,
    /** Reported delivered to the customer. */
    DELIVERED,
    /** Reported as a failed delivery. */
    FAILED
}
