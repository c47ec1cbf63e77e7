package org.accordpay.api.registry.dto;

/** Life cycle of a customer enrolment. */
public enum CustomerStatus {
    /** Enrolment started; phone possession not yet proven. */
    PENDING,
    /** Enrolled: table delivered, device key and mandate registered. */
    ACTIVE,
    /** Locked out after failed challenges (PSD2 RTS art. 4(3)(b)). */
    LOCKED,
    /** Closed by the customer or the operator. */
    CLOSED
}
