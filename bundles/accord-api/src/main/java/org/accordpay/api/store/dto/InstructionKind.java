package org.accordpay.api.store.dto;

/** Why Accord asks a bank to move money. */
public enum InstructionKind {
    /** Take the purchase amount from the customer into escrow (step 5). */
    DEBIT,
    /** Pay the merchant once delivery is confirmed (step 10). */
    PAYOUT,
    /** Give money back to the customer (cancellation, refund, dispute). */
    REFUND
}
