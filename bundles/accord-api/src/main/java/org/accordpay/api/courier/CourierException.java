package org.accordpay.api.courier;

/** A courier that could not take a request now; retry later. */
public class CourierException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public CourierException(String message) {
        super(message);
    }
}
