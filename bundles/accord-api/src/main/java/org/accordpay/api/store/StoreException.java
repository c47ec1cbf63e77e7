package org.accordpay.api.store;

/** The database failed or refused an operation. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause   underlying error
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
