package org.accordpay.api.routing;

/** A message routing could not hand to any carrier; {@link #retryable()} tells whether to try later. */
public class RoutingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param message   what went wrong
     * @param retryable true when no carrier is available now; false when a rate cap refuses the message
     */
    public RoutingException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** @return true when the same message may be sent later */
    public boolean retryable() {
        return retryable;
    }
}
