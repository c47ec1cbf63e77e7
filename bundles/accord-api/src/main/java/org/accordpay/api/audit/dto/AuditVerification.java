package org.accordpay.api.audit.dto;

/**
 * Result of checking the whole chain.
 *
 * @param valid            true when every link and the signed head agree
 * @param entries          number of linked entries checked
 * @param firstBadChainPos first chain position that does not verify (missing, altered or out of order), or 0
 * @param firstBadSeq      sequence number of the entry found at that position, or 0 when there is none
 * @param detail           human-readable summary
 */
public record AuditVerification(boolean valid, long entries, long firstBadChainPos, long firstBadSeq,
        String detail) {
}
