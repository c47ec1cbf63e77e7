package org.accordpay.api.courier.dto;

/**
 * A parcel a merchant handed to a courier (step 8).
 *
 * @param courierId   the courier
 * @param trackingRef the courier's tracking reference
 * @param purchaseId  the purchase shipped
 */
public record Shipment(String courierId, String trackingRef, String purchaseId) {
}
