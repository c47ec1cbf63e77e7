package org.accordpay.api.challenge;

/** A challenge operation refused; {@link #code()} is stable and machine-readable. */
public class ChallengeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The customer has no credential. */
    public static final String UNKNOWN_CUSTOMER = "unknown-customer";
    /** The customer is locked out. */
    public static final String LOCKED = "customer-locked";
    /** Another challenge is still open for this customer. */
    public static final String CHALLENGE_OPEN = "challenge-open";
    /** Too many challenges for this customer in the last hour or day. */
    public static final String CAP_REACHED = "challenge-cap-reached";
    /** The table has no unused cell left: re-provision. */
    public static final String TABLE_EXHAUSTED = "table-exhausted";
    /** The enrolment request does not parse or its proof of possession fails. */
    public static final String MALFORMED_ENROLMENT = "malformed-enrolment";
    /** The customer already has a credential. */
    public static final String ALREADY_ENROLLED = "already-enrolled";

    /** The merchant has no identification table. @since 1.1 */
    public static final String NO_MERCHANT_TABLE = "no-merchant-table";
    /** The merchant's proof does not match a challenge of this merchant for this request. @since 1.1 */
    public static final String MERCHANT_PROOF_INVALID = "invalid-merchant-proof";
    /** The merchant's challenge was already answered. @since 1.1 */
    public static final String MERCHANT_PROOF_USED = "merchant-proof-used";
    /** The merchant's challenge expired. @since 1.1 */
    public static final String MERCHANT_CHALLENGE_EXPIRED = "merchant-challenge-expired";

    /**
     * A re-provisioning request or acknowledgement was not accepted. Deliberately says nothing
     * of which check failed (the reason is in the server log only).
     */
    public static final String REPROVISION_REFUSED = "reprovision-refused";

    private final String code;

    /**
     * @param code    stable reason
     * @param message human-readable explanation
     */
    public ChallengeException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the stable machine-readable reason */
    public String code() {
        return code;
    }
}
