package org.accordpay.api.webhook;

/** A webhook registration refused; {@link #code()} is stable. */
public class WebhookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Malformed URL, or not https in live mode. */
    public static final String INVALID_URL = "invalid-url";
    /** The URL points at a private, loopback or link-local address (server-side request forgery). */
    public static final String FORBIDDEN_TARGET = "forbidden-target";
    /** No such endpoint for this merchant. */
    public static final String UNKNOWN_ENDPOINT = "unknown-endpoint";

    private final String code;

    /**
     * @param code    stable reason
     * @param message human-readable explanation
     */
    public WebhookException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the stable machine-readable reason */
    public String code() {
        return code;
    }
}
