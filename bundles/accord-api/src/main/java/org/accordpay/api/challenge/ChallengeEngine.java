package org.accordpay.api.challenge;

import java.util.Optional;
import org.accordpay.api.challenge.dto.ChallengeRequest;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.challenge.dto.CredentialStatus;
import org.accordpay.api.challenge.dto.IssuedChallenge;
import org.accordpay.api.challenge.dto.Provisioning;

/**
 * Identification tables, challenges and lock-out (patent steps 3-4, claims 2-4). All state is in
 * the store, so the engine can restart with challenges pending and lose nothing.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ChallengeEngine {

    /**
     * Enrols a customer's handset: checks its enrolment request (handset protocol v1: its public
     * keys with proof of possession), generates a fresh table, keeps Accord's copy encrypted at
     * rest and returns the sealed provisioning package for the handset.
     *
     * @param enrolmentRequest the bytes the handset produced
     * @throws ChallengeException {@code already-enrolled} or {@code malformed-enrolment}
     */
    Provisioning enrol(String customerId, byte[] enrolmentRequest);

    /**
     * Prefix of the purchase id of the challenge that authorises a re-provisioning
     * ({@code reprovision-<n>}: zero amount, merchant "Accord").
     */
    String REPROVISION_PURCHASE_PREFIX = "reprovision-";

    /** How long after its approval a re-provisioning challenge may authorise one. */
    java.time.Duration REPROVISION_WINDOW = java.time.Duration.ofMinutes(5);

    /**
     * Re-provisions an enrolled handset (handset protocol, section 10): prepares table generation
     * n+1 (new table id, new table, new transport key) as a <em>pending</em> generation next to
     * the current one, which stays the one challenged until {@link #confirmReprovisioning}. A
     * second call while one is pending replaces it.
     *
     * <p>Requires a re-provisioning request signed by the device's registered key naming
     * {@code approvedChallengeId}, a challenge of this customer that is APPROVED, whose purchase
     * id starts with {@link #REPROVISION_PURCHASE_PREFIX}, with a zero amount, answered within
     * {@link #REPROVISION_WINDOW} and never used for a re-provisioning before. Never on anything
     * else (an SMS code alone is not enough).
     *
     * @param approvedChallengeId hex id of the approved re-provisioning challenge
     * @param reprovisionRequest  the bytes the handset produced
     * @return the sealed provisioning package of the pending generation
     * @throws ChallengeException {@code reprovision-refused}, whatever the reason (logged only)
     */
    Provisioning reprovision(String customerId, String approvedChallengeId, byte[] reprovisionRequest);

    /**
     * Switches the customer to the pending generation once the handset acknowledged it (signed by
     * the registered device key, naming the pending generation and table id): in one transaction
     * with the credential locked, the pending generation becomes current, its remaining cells are
     * the full table and a challenge still open on the old generation is cancelled. Idempotent:
     * the acknowledgement of the generation already current returns the status unchanged.
     *
     * @param acknowledgement the bytes the handset produced
     * @throws ChallengeException {@code reprovision-refused}, whatever the reason (logged only)
     */
    CredentialStatus confirmReprovisioning(String customerId, byte[] acknowledgement);

    /**
     * Issues a challenge on a never-used cell, bound to the purchase. The cell is deleted from
     * Accord's table now, whatever the answer will be.
     *
     * @throws ChallengeException unknown customer, locked, another challenge open, cap reached,
     *                            table exhausted
     */
    IssuedChallenge issue(ChallengeRequest request);

    /**
     * Verifies a handset's response envelope (device signature first, then the MAC, in constant
     * time). Only signed responses count toward the lock-out.
     *
     * @return the verdict; never an exception for bad input
     */
    ChallengeVerdict answer(byte[] responseEnvelope);

    /**
     * Expires open challenges whose time is up.
     *
     * @return how many were expired
     */
    int expireDue(int limit);

    /** @return the customer's credential status, if enrolled */
    Optional<CredentialStatus> status(String customerId);

    /**
     * Unlocks a locked-out customer: a recorded operator action.
     *
     * @param operator who unlocks
     * @param reason   why; recorded in the audit trail
     */
    CredentialStatus unlock(String customerId, String operator, String reason);
}
