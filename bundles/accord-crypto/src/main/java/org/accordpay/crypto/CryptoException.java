package org.accordpay.crypto;

/** A cryptographic operation could not run (misuse, unavailable algorithm): a bug, not an attack. */
public class CryptoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
