package org.accordpay.api.challenge.dto;

import java.time.Instant;

/**
 * A challenge to a merchant: the address of the cell whose code proves the request.
 *
 * @param challengeId   id to send back with the proof
 * @param tableId       the table the cell is in
 * @param generation    the table's generation
 * @param cell          the cell's address, from 0
 * @param requestDigest hex SHA-256 of the request body the proof is bound to
 * @param expiresAt     when the proof is no longer accepted
 * @since 1.1
 */
public record MerchantChallenge(String challengeId, String tableId, int generation, int cell, String requestDigest,
        Instant expiresAt) {
}
