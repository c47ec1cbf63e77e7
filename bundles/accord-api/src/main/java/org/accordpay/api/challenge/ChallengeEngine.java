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
