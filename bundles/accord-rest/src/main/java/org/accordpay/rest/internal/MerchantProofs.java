package org.accordpay.rest.internal;

import jakarta.ws.rs.core.Response;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.MerchantTables;
import org.accordpay.api.challenge.dto.MerchantChallenge;
import org.accordpay.api.purchase.dto.PurchaseRequest;

/**
 * The patent's identification-table challenge of the merchant site on purchase requests: a merchant
 * given a table (operators: {@code accord:merchant-table-issue}) must prove, for a purchase at or above
 * its threshold, that it holds the table, with a code computed from the cell Accord names and bound to
 * the request body. Without the proof the answer is {@code 428 merchant-proof-required} with a new
 * challenge; the same request sent again with {@code Accord-Merchant-Proof} goes through.
 */
final class MerchantProofs {

    /** {@code <challenge id>:<proof>}. */
    static final String HEADER = "Accord-Merchant-Proof";

    private final MerchantTables tables;

    /** @param tables the merchants' tables, or null where there are none (no proof is ever asked) */
    MerchantProofs(MerchantTables tables) {
        this.tables = tables;
    }

    /**
     * @param header the {@value #HEADER} header, or null
     * @return null when the request may go on (no proof needed, or the proof accepted, once); else the 428
     *         answer carrying a new challenge
     * @throws ApiProblem 403 {@code invalid-merchant-proof}, 409 {@code merchant-proof-used} or
     *                    {@code merchant-challenge-expired}, 409 {@code merchant-table-exhausted}
     */
    Response check(Caller caller, PurchaseRequest request, String header) {
        if (tables == null || !tables.proofRequired(caller.merchantId(), request.totalMinor(), request.currency())) {
            return null;
        }
        try {
            if (header == null) {
                MerchantChallenge c = tables.challenge(caller.merchantId(), caller.bodySha256());
                return Response.status(428).type(ProblemMapper.PROBLEM_JSON).entity(new ChallengeRequired(
                        ApiProblem.TYPE_BASE + "merchant-proof-required", "Merchant proof required", 428,
                        "a purchase of this amount needs the code of cell " + c.cell() + " of your identification"
                                + " table: send the same request again with " + HEADER,
                        "merchant-proof-required", c.challengeId(), c.tableId(), c.generation(), c.cell(),
                        c.requestDigest(), c.expiresAt().toString())).build();
            }
            int colon = header.indexOf(':');
            if (colon <= 0 || colon == header.length() - 1 || header.length() > 200) {
                throw new ApiProblem(403, ChallengeException.MERCHANT_PROOF_INVALID, "Merchant proof refused",
                        HEADER + " is <challenge_id>:<proof>", HEADER);
            }
            tables.verify(caller.merchantId(), header.substring(0, colon), caller.bodySha256(),
                    header.substring(colon + 1));
            return null;
        } catch (ChallengeException e) {
            throw switch (e.code()) {
                case ChallengeException.MERCHANT_PROOF_USED -> new ApiProblem(409, e.code(), "Merchant proof used",
                        e.getMessage(), HEADER);
                case ChallengeException.MERCHANT_CHALLENGE_EXPIRED -> new ApiProblem(409, e.code(),
                        "Merchant challenge expired", e.getMessage(), HEADER);
                case ChallengeException.TABLE_EXHAUSTED -> new ApiProblem(409, "merchant-table-exhausted",
                        "Merchant table used up", "your identification table has no cell left: ask Accord for a"
                                + " new one", null);
                default -> new ApiProblem(403, ChallengeException.MERCHANT_PROOF_INVALID, "Merchant proof refused",
                        e.getMessage(), HEADER);
            };
        }
    }

    /**
     * @return true for the answers that ask for or refuse the proof: they depend on a header the idempotency
     *         fingerprint does not cover, so they are not stored and the same request may come again with a proof
     */
    static boolean aboutTheProof(int status, Object entity) {
        return status == 428 || entity instanceof ApiProblem.ProblemBody p && HEADER.equals(p.field());
    }

    /**
     * The 428 answer: a problem document (RFC 9457) with the challenge as extension members.
     *
     * @param challengeId   to send back in {@value #HEADER}
     * @param tableId       the table the cell is in
     * @param generation    the table's generation
     * @param cell          the cell's address, from 0
     * @param requestDigest hex SHA-256 of the body the proof is bound to
     * @param expiresAt     the proof is refused after this
     */
    record ChallengeRequired(String type, String title, int status, String detail, String code, String challengeId,
            String tableId, int generation, int cell, String requestDigest, String expiresAt) {
    }
}
