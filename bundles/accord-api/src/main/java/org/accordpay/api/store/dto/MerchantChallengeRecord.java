package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * A challenge to a merchant on one cell of its table, for one request body.
 *
 * @param challengeId   id
 * @param merchantId    the merchant
 * @param tableId       the table
 * @param generation    the table's generation
 * @param cellAddress   the cell challenged
 * @param requestDigest hex SHA-256 of the request body the proof is bound to
 * @param binding       the challenged cell, sealed (the cell is gone from the table)
 * @param issuedAt      when
 * @param expiresAt     after this, no proof is accepted
 * @param state         {@code OPEN}, then {@code APPROVED} (proof accepted) or {@code EXPIRED}
 * @param answeredAt    when it was closed, or null
 * @since 1.4
 */
public record MerchantChallengeRecord(String challengeId, String merchantId, String tableId, int generation,
        int cellAddress, String requestDigest, byte[] binding, Instant issuedAt, Instant expiresAt,
        ChallengeState state, Instant answeredAt) {
}
