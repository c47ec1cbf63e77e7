package org.accordpay.api.bank.dto;

/** What a bank says about an instruction. */
public enum BankStatus {
    /** Received and valid; not yet settled. */
    ACCEPTED,
    /** Money moved. */
    SETTLED,
    /** Refused; see {@link RefusalReason}. */
    REFUSED,
    /** Settled earlier, then returned (e.g. a direct debit returned by the payer's bank). */
    RETURNED
}
