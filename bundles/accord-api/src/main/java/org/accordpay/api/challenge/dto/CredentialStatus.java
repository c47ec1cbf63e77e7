package org.accordpay.api.challenge.dto;

import java.time.Instant;

/**
 * A customer's credential as operators see it (no secrets).
 *
 * @param customerId          opaque customer id
 * @param deviceId            registered device
 * @param generation          table generation
 * @param remainingCells      cells never challenged
 * @param consecutiveFailures failed answers since the last success
 * @param locked              true when locked out
 * @param lockedAt            when, or null
 * @param lockReason          why, or null
 */
public record CredentialStatus(String customerId, String deviceId, int generation, int remainingCells,
        int consecutiveFailures, boolean locked, Instant lockedAt, String lockReason) {
}
