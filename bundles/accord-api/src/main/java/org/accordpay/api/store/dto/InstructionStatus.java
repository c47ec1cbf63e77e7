package org.accordpay.api.store.dto;

/** Where a bank instruction stands, as Accord knows it. */
public enum InstructionStatus {
    /** Written to the outbox, not yet handed to the bank. */
    REQUESTED,
    /** The bank said it received it. */
    ACCEPTED,
    /** Money moved. */
    SETTLED,
    /** The bank refused it. */
    REFUSED,
    /** Settled, then returned by the bank. */
    RETURNED
}
