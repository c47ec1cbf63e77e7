package org.accordpay.crypto.protocol;

import java.util.Objects;

/**
 * Outcome of {@link ServerProtocol#openAndVerify}: either a response whose device signature
 * verified, or a refusal reason (for server logs only). Only a verified response may count
 * toward the customer's lock-out.
 */
public final class OpenResult {
    private final SignedResponse response;
    private final Refusal refusal;

    private OpenResult(SignedResponse response, Refusal refusal) {
        this.response = response;
        this.refusal = refusal;
    }

    static OpenResult verified(SignedResponse r) {
        return new OpenResult(Objects.requireNonNull(r), null);
    }

    static OpenResult refused(Refusal reason) {
        return new OpenResult(null, Objects.requireNonNull(reason));
    }

    /** True when decryption and the device signature succeeded. */
    public boolean verified() {
        return response != null;
    }

    /** The verified response; throws if refused. */
    public SignedResponse response() {
        if (response == null) {
            throw new IllegalStateException("refused: " + refusal);
        }
        return response;
    }

    /** The refusal reason, or null if verified. */
    public Refusal refusal() {
        return refusal;
    }

    @Override
    public String toString() {
        return verified() ? "OpenResult[verified " + response + "]" : "OpenResult[refused " + refusal + "]";
    }
}
