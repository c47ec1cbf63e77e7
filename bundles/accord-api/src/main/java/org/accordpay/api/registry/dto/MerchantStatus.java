package org.accordpay.api.registry.dto;

/** Life cycle of a merchant's admission. */
public enum MerchantStatus {
    /** Applied; admission conditions not yet all met. */
    APPLIED,
    /** Admitted under the quality conditions; may request purchases. */
    ADMITTED,
    /** Suspended by an operator or automatically (dispute or refund rate). */
    SUSPENDED,
    /** Relationship ended. */
    CLOSED
}
