package org.accordpay.api.purchase;

/**
 * States of a purchase (patent steps in brackets). Terminal states are marked by
 * {@link #isTerminal()}; the transition table lives in the purchase bundle.
 */
public enum PurchaseState {
    /** Received from the merchant, checks passed (step 2). */
    REQUESTED,
    /** Challenge sent to the customer's handset (step 3). */
    CHALLENGED,
    /** The handset's response verified (step 4). */
    APPROVED,
    /** Debit asked of the customer's bank (step 5). */
    DEBIT_PENDING,
    /** Money held in escrow, merchant told to ship (steps 6-7). */
    IN_ESCROW,
    /** The merchant says the goods left (step 8). */
    SHIPPED,
    /** The courier or the customer confirmed delivery (step 9). */
    DELIVERED,
    /** Escrow paid out to the merchant (step 10). */
    SETTLED,
    /** The customer declined on the handset. */
    DECLINED,
    /** No answer before the challenge expired. */
    EXPIRED,
    /** Too many wrong answers: the customer is locked out. */
    LOCKED,
    /** The customer's bank refused the debit. */
    DEBIT_FAILED,
    /** The debit was returned by the bank after it settled. */
    DEBIT_RETURNED,
    /** Cancelled before shipping; any escrowed money goes back. */
    CANCELLED,
    /** Money given back to the customer (full or partial). */
    REFUNDED,
    /** The customer disputes; escrow frozen until resolved. */
    DISPUTED,
    /**
     * Hosted checkout: created by the merchant without a customer; waits for the buyer to give a phone
     * number on Accord's payment page, or expires.
     *
     * @since 1.1
     */
    AWAITING_CUSTOMER;

    /** @return true when no further transition leaves this state */
    public boolean isTerminal() {
        return switch (this) {
            case SETTLED, DECLINED, EXPIRED, LOCKED, DEBIT_FAILED, DEBIT_RETURNED, CANCELLED, REFUNDED -> true;
            default -> false;
        };
    }
}
