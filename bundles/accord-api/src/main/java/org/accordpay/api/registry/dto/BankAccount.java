package org.accordpay.api.registry.dto;

/**
 * A bank account Accord may debit or credit.
 *
 * @param iban   validated IBAN, no spaces
 * @param bic    BIC of the account's bank, or null
 * @param holder account holder name
 */
public record BankAccount(String iban, String bic, String holder) {
}
