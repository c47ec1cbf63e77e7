package org.accordpay.api.registry.dto;

/**
 * A merchant's application for admission.
 *
 * @param legalName   registered name
 * @param displayName name customers will see on their handset
 * @param bankAccount account to pay out to (IBAN validated)
 */
public record MerchantApplication(String legalName, String displayName, BankAccount bankAccount) {
}
