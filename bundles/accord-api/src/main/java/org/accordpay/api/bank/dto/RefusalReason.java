package org.accordpay.api.bank.dto;

/** Why a bank refused or returned an instruction. */
public enum RefusalReason {
    INSUFFICIENT_FUNDS,
    ACCOUNT_CLOSED,
    MANDATE_INVALID,
    BANK_UNAVAILABLE,
    OTHER
}
