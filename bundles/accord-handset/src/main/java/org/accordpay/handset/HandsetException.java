package org.accordpay.handset;

/** An operation the handset refuses for a reason it may tell its user (PIN policy, state). */
public final class HandsetException extends Exception {
    private static final long serialVersionUID = 1L;

    public HandsetException(String message) {
        super(message);
    }
}
