package org.accordpay.crypto;

/** Authentication of a ciphertext or signature failed. Carries no detail on purpose. */
public final class IntegrityException extends Exception {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message, null, false, false);
    }
}
