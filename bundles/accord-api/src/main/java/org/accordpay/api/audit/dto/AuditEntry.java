package org.accordpay.api.audit.dto;

import java.time.Instant;

/**
 * One entry of the trace. {@code chainHash} is null until the chainer has linked it.
 *
 * @param seq        position in the chain, from 1
 * @param at         when the state change committed
 * @param type       event type, e.g. {@code purchase.approved}
 * @param purchaseId the purchase concerned, or null
 * @param digest     SHA-256 (hex) of the canonical event body
 * @param chainHash  SHA-256 (hex) of the previous chain hash and this entry, or null
 */
public record AuditEntry(long seq, Instant at, String type, String purchaseId, String digest, String chainHash) {
}
