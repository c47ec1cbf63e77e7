package org.accordpay.api.carrier;

/** A send that failed; {@link #retryable()} tells the outbox whether trying again may help. */
public class CarrierException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param message   what went wrong
     * @param retryable true for throttling, timeouts and lost links
     */
    public CarrierException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** @return true when the same message may be sent again later */
    public boolean retryable() {
        return retryable;
    }
}
