package org.accordpay.api.bank.dto;

/** Direction of a bank instruction. */
public enum BankOperation {
    /** Take money from the customer's account into Accord's escrow account (steps 5-6). */
    DEBIT,
    /** Pay money out of escrow to a merchant or back to a customer (steps 9-10, refunds). */
    CREDIT
}
