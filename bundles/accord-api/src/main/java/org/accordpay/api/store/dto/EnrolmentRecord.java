package org.accordpay.api.store.dto;

import java.time.Instant;
import org.accordpay.api.registry.dto.EnrolmentState;

/**
 * An enrolment row: the one-time code is kept only as a salted hash.
 *
 * @param id          enrolment id (at most 64 characters)
 * @param customerId  the customer being enrolled
 * @param phoneE164   the number the code was sent to
 * @param nonce       16 random bytes the handset signs into its enrolment request
 * @param codeSalt    random salt of {@code codeHash}
 * @param codeHash    SHA-256 of salt and one-time code
 * @param state       current step
 * @param attempts    wrong codes given so far
 * @param createdAt   when the enrolment started
 * @param expiresAt   when it stops being usable
 * @param updatedAt   last change
 * @param version     optimistic version, set by the store (ignored on insert)
 */
public record EnrolmentRecord(String id, String customerId, String phoneE164, byte[] nonce, byte[] codeSalt,
        byte[] codeHash, EnrolmentState state, int attempts, Instant createdAt, Instant expiresAt, Instant updatedAt,
        long version) {

    /** Copies the byte arrays. */
    public EnrolmentRecord {
        nonce = copy(nonce);
        codeSalt = copy(codeSalt);
        codeHash = copy(codeHash);
    }

    /** @return a copy of the nonce */
    @Override
    public byte[] nonce() {
        return copy(nonce);
    }

    /** @return a copy of the salt */
    @Override
    public byte[] codeSalt() {
        return copy(codeSalt);
    }

    /** @return a copy of the code hash */
    @Override
    public byte[] codeHash() {
        return copy(codeHash);
    }

    /** @return the same enrolment in another state, with {@code attempts}, expiry and update time */
    public EnrolmentRecord with(EnrolmentState nextState, int nextAttempts, Instant nextExpiresAt, Instant now) {
        return new EnrolmentRecord(id, customerId, phoneE164, nonce, codeSalt, codeHash, nextState, nextAttempts,
                createdAt, nextExpiresAt, now, version);
    }

    /** Compares the arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EnrolmentRecord e && java.util.Objects.equals(id, e.id)
                && java.util.Objects.equals(customerId, e.customerId) && java.util.Objects.equals(phoneE164, e.phoneE164)
                && java.util.Arrays.equals(nonce, e.nonce) && java.util.Arrays.equals(codeSalt, e.codeSalt)
                && java.util.Arrays.equals(codeHash, e.codeHash) && state == e.state && attempts == e.attempts
                && java.util.Objects.equals(createdAt, e.createdAt) && java.util.Objects.equals(expiresAt, e.expiresAt)
                && java.util.Objects.equals(updatedAt, e.updatedAt) && version == e.version;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, state, attempts, version);
    }

    /** Never prints the code hash. */
    @Override
    public String toString() {
        return "EnrolmentRecord[id=" + id + ", customerId=" + customerId + ", state=" + state + ", attempts="
                + attempts + ", expiresAt=" + expiresAt + ", version=" + version + "]";
    }

    private static byte[] copy(byte[] b) {
        return b == null ? null : b.clone();
    }
}
