package org.accordpay.api.bank;

/** A bank that could not take an instruction now (link down, maintenance); retry later. */
public class BankException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public BankException(String message) {
        super(message);
    }
}
