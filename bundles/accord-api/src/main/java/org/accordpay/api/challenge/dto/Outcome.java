package org.accordpay.api.challenge.dto;

/** What an answer achieved. The sender is never told more than this. */
public enum Outcome {
    /** Signed, MAC correct, decision approve: the purchase is approved. */
    APPROVED,
    /** Signed, MAC correct, decision decline. */
    DECLINED,
    /** Refused: wrong MAC, expired, replayed, malformed, unknown device... (reason logged only). */
    REFUSED,
    /** Refused and the customer is now locked out. */
    LOCKED
}
