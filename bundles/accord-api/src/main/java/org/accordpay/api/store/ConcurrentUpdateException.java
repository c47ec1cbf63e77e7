package org.accordpay.api.store;

/** Another transaction changed the same row first; the caller may re-read and retry. */
public class ConcurrentUpdateException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** @param message which row and what was expected */
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
