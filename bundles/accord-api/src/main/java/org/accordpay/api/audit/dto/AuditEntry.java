package org.accordpay.api.audit.dto;

import java.time.Instant;

/**
 * One entry of the trace. {@code chainPos} and {@code chainHash} are null until the chainer has
 * linked it.
 *
 * @param seq        insertion sequence number (identity: may commit out of order and have gaps)
 * @param at         when the state change committed
 * @param type       event type, e.g. {@code purchase.approved}
 * @param purchaseId the purchase concerned, or null
 * @param digest     SHA-256 (hex) of the canonical event body
 * @param chainHash  SHA-256 (hex) of the previous chain hash and this entry, or null
 * @param chainPos   position in the hash chain assigned by the chainer (1, 2, 3... without gaps), or null
 */
public record AuditEntry(long seq, Instant at, String type, String purchaseId, String digest, String chainHash,
        Long chainPos) {
}
