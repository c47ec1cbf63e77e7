package org.accordpay.api.courier.dto;

import java.time.Instant;

/**
 * A courier's report about a shipment (step 9).
 *
 * @param courierId   the reporting courier
 * @param trackingRef the tracking reference the merchant gave
 * @param delivered   true when delivered to the customer, false when delivery failed
 * @param detail      courier's status text
 * @param at          when the courier reported it
 */
public record DeliveryEvent(String courierId, String trackingRef, boolean delivered, String detail, Instant at) {
}
