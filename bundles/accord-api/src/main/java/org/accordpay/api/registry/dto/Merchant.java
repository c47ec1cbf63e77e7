package org.accordpay.api.registry.dto;

/**
 * A merchant (patent: merchant database).
 *
 * @param id          registry id, used on the API
 * @param legalName   registered name
 * @param displayName name shown on the customer's handset; checked against look-alikes
 * @param bankAccount account credited when escrow is released
 * @param status      admission status
 * @param conditions  admission conditions that currently hold, e.g. {@code bank-account-verified}
 * @param quality     quality figures the automatic suspension watches
 * @param createdAt   when the merchant applied
 */
public record Merchant(String id, String legalName, String displayName, BankAccount bankAccount,
        MerchantStatus status, java.util.Set<String> conditions, QualityFigures quality, java.time.Instant createdAt) {
    /** Copies the conditions. */
    public Merchant {
        conditions = java.util.Set.copyOf(conditions);
    }
}
