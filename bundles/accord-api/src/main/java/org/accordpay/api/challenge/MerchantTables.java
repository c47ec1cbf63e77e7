package org.accordpay.api.challenge;

import java.util.Optional;
import org.accordpay.api.challenge.dto.IssuedMerchantTable;
import org.accordpay.api.challenge.dto.MerchantChallenge;
import org.accordpay.api.challenge.dto.MerchantTableStatus;

/**
 * The patent's identification table of the merchant site (FR2801995, options of steps 2 and 7): a
 * table of random cells shared between a merchant and Accord. A purchase request at or above the
 * merchant's threshold is accepted only with a code computed from the cell Accord names, bound to the
 * request's body, so a leaked signing key alone cannot create high-value purchases. Accord keeps its
 * copy encrypted at rest like the customers' tables and deletes each cell once challenged.
 *
 * @since 1.1
 */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantTables {

    /**
     * Generates a new table for the merchant (replacing any previous one: its open challenges can no
     * longer be answered) and sets the threshold. The cells are in the answer only, this once.
     *
     * @param thresholdMinor purchases of at least this amount (minor units of {@code currency}) need a proof;
     *                       purchases in another currency always do
     * @throws IllegalArgumentException negative threshold or currency not ISO 4217
     */
    IssuedMerchantTable issueTable(String merchantId, long thresholdMinor, String currency, String actor);

    /**
     * Changes the threshold of the merchant's table.
     *
     * @throws ChallengeException {@link ChallengeException#NO_MERCHANT_TABLE}
     */
    MerchantTableStatus setThreshold(String merchantId, long thresholdMinor, String currency, String actor);

    /** @return the merchant's table as operators see it (no cells), if it has one */
    Optional<MerchantTableStatus> table(String merchantId);

    /** @return true when a purchase of this amount needs the merchant's proof */
    boolean proofRequired(String merchantId, long amountMinor, String currency);

    /**
     * Challenges the merchant on a fresh cell, for the request whose body has this digest. Accord's copy
     * of the cell is deleted now, whatever happens next.
     *
     * @param requestDigest hex SHA-256 of the request body the proof will be bound to
     * @throws ChallengeException {@link ChallengeException#NO_MERCHANT_TABLE},
     *                            {@link ChallengeException#TABLE_EXHAUSTED}
     */
    MerchantChallenge challenge(String merchantId, String requestDigest);

    /**
     * Accepts the proof of a challenge once: the challenge is then used. A wrong proof changes nothing.
     *
     * @param requestDigest hex SHA-256 of the body of the request the proof came with
     * @throws ChallengeException {@link ChallengeException#MERCHANT_PROOF_INVALID} (unknown challenge,
     *                            another merchant's, another body, wrong code),
     *                            {@link ChallengeException#MERCHANT_PROOF_USED},
     *                            {@link ChallengeException#MERCHANT_CHALLENGE_EXPIRED}
     */
    void verify(String merchantId, String challengeId, String requestDigest, String proof);
}
