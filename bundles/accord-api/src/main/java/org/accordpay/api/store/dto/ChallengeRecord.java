package org.accordpay.api.store.dto;

import java.time.Instant;
import org.accordpay.api.purchase.Mode;

/**
 * A challenge as stored: which cell of the customer's table was asked for, and for what.
 *
 * @param challengeId    hex of 16 random bytes
 * @param customerId     customer challenged
 * @param cellAddress    address of the cell asked for in the current table
 * @param purchaseId     purchase concerned, or null
 * @param mode           live or test
 * @param binding        canonical bytes of what was challenged (opaque to the store; copied)
 * @param issuedAt       when it was issued
 * @param expiresAt      when it expires unanswered
 * @param state          current state
 * @param answeredAt     when it was closed (answered, expired or cancelled), or null while open
 * @param attemptCounted whether the answer was counted as an attempt against the credential
 */
public record ChallengeRecord(String challengeId, String customerId, int cellAddress, String purchaseId, Mode mode,
        byte[] binding, Instant issuedAt, Instant expiresAt, ChallengeState state, Instant answeredAt,
        boolean attemptCounted) {

    /** Copies the binding. */
    public ChallengeRecord {
        binding = binding == null ? null : binding.clone();
    }

    /** @return a copy of the binding */
    @Override
    public byte[] binding() {
        return binding == null ? null : binding.clone();
    }

    /** Compares the binding by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ChallengeRecord c && java.util.Objects.equals(challengeId, c.challengeId)
                && java.util.Objects.equals(customerId, c.customerId) && cellAddress == c.cellAddress
                && java.util.Objects.equals(purchaseId, c.purchaseId) && mode == c.mode
                && java.util.Arrays.equals(binding, c.binding) && java.util.Objects.equals(issuedAt, c.issuedAt)
                && java.util.Objects.equals(expiresAt, c.expiresAt) && state == c.state
                && java.util.Objects.equals(answeredAt, c.answeredAt) && attemptCounted == c.attemptCounted;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(challengeId, state);
    }

    /** Leaves the binding bytes out. */
    @Override
    public String toString() {
        return "ChallengeRecord[challengeId=" + challengeId + ", customerId=" + customerId + ", cellAddress="
                + cellAddress + ", purchaseId=" + purchaseId + ", mode=" + mode + ", issuedAt=" + issuedAt
                + ", expiresAt=" + expiresAt + ", state=" + state + ", answeredAt=" + answeredAt
                + ", attemptCounted=" + attemptCounted + "]";
    }
}
