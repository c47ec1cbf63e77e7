package org.accordpay.api.registry.dto;

/** Steps of an enrolment. */
public enum EnrolmentState {
    /** One-time code sent to the phone; waiting for it. */
    CODE_SENT,
    /** Phone possession proven; waiting for the handset's enrolment request. */
    PHONE_CONFIRMED,
    /** Table delivered, device key and mandate registered: the customer is ACTIVE. */
    COMPLETED,
    /** Too many wrong codes, or expired. */
    FAILED
}
