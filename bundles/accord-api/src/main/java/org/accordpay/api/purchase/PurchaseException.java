package org.accordpay.api.purchase;

/** A purchase operation refused for a reason the caller can act on; {@link #code()} is stable. */
public class PurchaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    stable machine-readable reason, e.g. {@code merchant-not-admitted}
     * @param message human-readable explanation
     */
    public PurchaseException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the stable machine-readable reason */
    public String code() {
        return code;
    }
}
