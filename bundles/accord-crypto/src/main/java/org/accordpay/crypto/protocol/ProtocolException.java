package org.accordpay.crypto.protocol;

/** A message was refused; {@link #refusal()} says why (for logs only, never for the sender). */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Refusal refusal;

    public ProtocolException(Refusal refusal) {
        super(refusal.name(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
