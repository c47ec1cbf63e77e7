package org.accordpay.api.operator;

/** An operator-account operation refused for a reason the caller can act on; {@link #code()} is stable. */
public class OperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Login, password or code wrong (one reason for all, so a guess learns nothing). */
    public static final String WRONG_CREDENTIALS = "wrong-credentials";
    /** Too many failed sign-ins: the account refuses sign-in until its lock-out ends. */
    public static final String LOCKED_OUT = "locked-out";
    /** No such operator. */
    public static final String UNKNOWN_OPERATOR = "unknown-operator";
    /** An operator with this login exists. */
    public static final String ALREADY_EXISTS = "already-exists";
    /** A field is missing or malformed (the message names it). */
    public static final String INVALID_FIELD = "invalid-field";

    private final String code;

    /**
     * @param code    stable machine-readable reason
     * @param message human-readable explanation
     */
    public OperatorException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the stable machine-readable reason */
    public String code() {
        return code;
    }
}
