package org.accordpay.api.store.dto;

/** Life cycle of a stored challenge: {@link #OPEN} until answered, expired or cancelled. */
public enum ChallengeState {
    /** Issued and waiting for the customer's answer; at most one per customer. */
    OPEN,
    /** Answered correctly. */
    APPROVED,
    /** Refused by the customer. */
    DECLINED,
    /** Answered wrongly. */
    FAILED,
    /** Not answered before it expired. */
    EXPIRED,
    /** Withdrawn before an answer (purchase cancelled, credential locked, ...). */
    CANCELLED;

    /** @return true for every state but {@link #OPEN} */
    public boolean isClosed() {
        return this != OPEN;
    }
}
