package org.accordpay.api.registry.dto;

/**
 * A merchant (patent: merchant database).
 *
 * @param id          registry id, used on the API
 * @param legalName   registered name
 * @param displayName name shown on the customer's handset; checked against look-alikes
 * @param bankAccount account credited when escrow is released
 * @param status      admission status
 */
public record Merchant(String id, String legalName, String displayName, BankAccount bankAccount,
        MerchantStatus status) {
}
