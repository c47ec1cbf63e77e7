package org.accordpay.api.audit.dto;

/**
 * Result of checking the whole chain.
 *
 * @param valid        true when every link and the signed head agree
 * @param entries      number of linked entries checked
 * @param firstBadSeq  first sequence number that does not verify, or 0
 * @param detail       human-readable summary
 */
public record AuditVerification(boolean valid, long entries, long firstBadSeq, String detail) {
}
