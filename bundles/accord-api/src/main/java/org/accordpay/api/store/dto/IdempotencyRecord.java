package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * A merchant's idempotency key and the answer it got.
 *
 * @param merchantId     the merchant
 * @param idempotencyKey the merchant's key, from the {@code Idempotency-Key} header
 * @param requestHash    hex SHA-256 over method, path and body of the first request
 * @param status         HTTP status of the stored answer, or 0 while the first request runs
 * @param body           the stored answer's body, or null while in progress
 * @param createdAt      when the key was first seen
 * @since 1.1
 */
public record IdempotencyRecord(String merchantId, String idempotencyKey, String requestHash, int status,
        String body, Instant createdAt) {

    /** @return true once the first request has its answer */
    public boolean completed() {
        return status != 0;
    }
}
