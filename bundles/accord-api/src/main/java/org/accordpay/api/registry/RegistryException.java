package org.accordpay.api.registry;

/** A registry operation refused for a reason the caller can act on; {@link #code()} is stable. */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Phone number not valid for the given country. */
    public static final String INVALID_PHONE = "invalid-phone";
    /** IBAN fails its format or check digits. */
    public static final String INVALID_IBAN = "invalid-iban";
    /** A field is missing or malformed (the message names it). */
    public static final String INVALID_FIELD = "invalid-field";
    /** The phone number is already enrolled. */
    public static final String ALREADY_ENROLLED = "already-enrolled";
    /** No such enrolment, or it is finished, failed or expired. */
    public static final String UNKNOWN_ENROLMENT = "unknown-enrolment";
    /** The one-time code is wrong (the enrolment fails after too many). */
    public static final String WRONG_CODE = "wrong-code";
    /** The enrolment step is not the expected one (e.g. completing before the phone is confirmed). */
    public static final String OUT_OF_ORDER = "out-of-order";
    /** No such customer. */
    public static final String UNKNOWN_CUSTOMER = "unknown-customer";
    /** No such merchant. */
    public static final String UNKNOWN_MERCHANT = "unknown-merchant";
    /** A merchant display name too close to an admitted merchant's. */
    public static final String LOOKALIKE_NAME = "lookalike-name";
    /** Admission conditions do not all hold (the message names the missing ones). */
    public static final String CONDITIONS_NOT_MET = "conditions-not-met";
    /** The status does not allow this operation. */
    public static final String WRONG_STATUS = "wrong-status";
    /** A per-merchant limit is reached (e.g. return URLs per mode): remove one first. */
    public static final String LIMIT_REACHED = "limit-reached";

    private final String code;

    /**
     * @param code    stable machine-readable reason
     * @param message human-readable explanation
     */
    public RegistryException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the stable machine-readable reason */
    public String code() {
        return code;
    }
}
