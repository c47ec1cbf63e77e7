package org.accordpay.api.store.dto;

import java.time.Instant;
import java.util.Set;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.registry.dto.QualityFigures;

/**
 * A merchant row of the registry, with its admission conditions and quality counters.
 *
 * @param id          merchant id (at most 64 characters)
 * @param legalName   registered name
 * @param displayName name shown on handsets
 * @param bankAccount account credited on escrow release
 * @param status      admission status
 * @param conditions  admission conditions that hold (names without commas)
 * @param quality     paid, refunded and disputed counters
 * @param createdAt   when the merchant applied
 * @param updatedAt   last change
 * @param version     optimistic version, set by the store (ignored on insert)
 */
public record MerchantRecord(String id, String legalName, String displayName, BankAccount bankAccount,
        MerchantStatus status, Set<String> conditions, QualityFigures quality, Instant createdAt, Instant updatedAt,
        long version) {

    /** Copies the conditions. */
    public MerchantRecord {
        conditions = Set.copyOf(conditions);
    }
}
