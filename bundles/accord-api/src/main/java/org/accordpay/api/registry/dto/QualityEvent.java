package org.accordpay.api.registry.dto;

/** What happened to one of a merchant's purchases, as counted by the quality monitor. */
public enum QualityEvent {
    /** Money reached escrow. */
    PAID,
    /** Refunded, fully or partly. */
    REFUNDED,
    /** Disputed by the customer. */
    DISPUTED
}
