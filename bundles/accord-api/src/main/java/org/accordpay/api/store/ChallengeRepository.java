package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.store.dto.ChallengeRecord;
import org.accordpay.api.store.dto.ChallengeState;

/**
 * Challenges issued to customers, and the log of table cells already used. A customer has at
 * most one {@link ChallengeState#OPEN} challenge; the database enforces it too.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ChallengeRepository {

    /**
     * Stores a new challenge.
     *
     * @throws StoreException when its id exists, or it is OPEN and the customer already has an
     *         OPEN challenge (check {@link #openFor} first: a refused insert rolls the whole
     *         transaction back)
     */
    void insert(ChallengeRecord challenge);

    /** @return the challenge, if it exists */
    Optional<ChallengeRecord> find(String challengeId);

    /** @return the customer's OPEN challenge, if any */
    Optional<ChallengeRecord> openFor(String customerId);

    /**
     * Closes a challenge: compare-and-set from {@code from} to {@code to}, sets
     * {@code answeredAt} to {@code at}; {@code attemptCounted} is left as it is.
     *
     * @return the updated challenge
     * @throws IllegalArgumentException  when {@code to} is OPEN
     * @throws ConcurrentUpdateException when the challenge is not in {@code from}
     * @throws StoreException            when the challenge does not exist
     */
    ChallengeRecord close(String challengeId, ChallengeState from, ChallengeState to, Instant at);

    /**
     * As {@link #close(String, ChallengeState, ChallengeState, Instant)}, also setting
     * {@code attemptCounted}.
     */
    ChallengeRecord close(String challengeId, ChallengeState from, ChallengeState to, Instant at,
            boolean attemptCounted);

    /** @return up to {@code limit} OPEN challenges with {@code expiresAt <= now}, earliest expiry first */
    List<ChallengeRecord> expiredOpen(Instant now, int limit);

    /** @return challenges issued to the customer at or after {@code since}, in any state */
    long countIssuedSince(String customerId, Instant since);

    /**
     * Records that a cell of a table generation was used. Call it under
     * {@link CredentialRepository#lockForUpdate}: it looks first and returns false without
     * writing. The unique key is only the last line of defence against a caller that did not
     * lock: if a concurrent transaction wins the race, this one fails with
     * {@link ConcurrentUpdateException} and rolls back.
     *
     * @return true when recorded, false when that cell was already used in that table generation
     */
    boolean markCellUsed(String customerId, String tableId, int generation, int cellAddress, Instant at);

    /** @return how many cells of that table generation were used */
    int usedCellCount(String customerId, String tableId, int generation);

    /**
     * Records that an APPROVED challenge authorised a re-provisioning: compare-and-set, so a
     * challenge authorises at most one. Call it under {@link CredentialRepository#lockForUpdate}.
     *
     * @return true when recorded now, false when the challenge was already used for one
     * @throws StoreException when the challenge does not exist
     */
    boolean consumeForReprovisioning(String challengeId, Instant at);

    /** @return when the challenge was used to authorise a re-provisioning, if it was */
    Optional<Instant> consumedForReprovisioningAt(String challengeId);
}
