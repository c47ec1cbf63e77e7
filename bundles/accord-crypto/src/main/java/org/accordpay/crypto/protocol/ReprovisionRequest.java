package org.accordpay.crypto.protocol;

import java.util.Arrays;
import org.accordpay.crypto.RawKeyPair;

/**
 * What an enrolled phone sends to ask for a new table generation (over TLS, right after a
 * successful re-provisioning challenge answered with the PIN), 147 bytes, the enrolment request's
 * layout with its own type and signature label: {@code version u8 | suite u8 | type 0x05 |
 * approvedChallengeId 16 | signingPublicKey 32 (Ed25519) | agreementPublicKey 32 (X25519) |
 * signature 64}, the signature by the device's <b>registered</b> Ed25519 key over
 * {@code u16len "accord/v1/reprovision" || the first 83 bytes}. {@link #parse} checks the layout
 * and that the signature verifies under the key in the request; the caller checks that this key
 * is the registered one and that the challenge was approved.
 */
public record ReprovisionRequest(byte[] approvedChallengeId, byte[] signingPublicKey, byte[] agreementPublicKey,
        byte[] signature) {

    public static final int LENGTH = PossessionProof.LENGTH;

    public ReprovisionRequest {
        approvedChallengeId = Fields.id(approvedChallengeId, "approvedChallengeId");
        PossessionProof.checkFields(signingPublicKey, agreementPublicKey, signature, "bad re-provisioning request field");
        signingPublicKey = signingPublicKey.clone();
        agreementPublicKey = agreementPublicKey.clone();
        signature = signature.clone();
    }

    /**
     * Handset side: signs a request with the registered signing key; {@code agreement} is the
     * device's X25519 key pair for the next transport key (the current one or a new one).
     */
    public static ReprovisionRequest create(byte[] approvedChallengeId, RawKeyPair signing, RawKeyPair agreement) {
        byte[] sig = PossessionProof.sign(Protocol.TYPE_REPROVISION_REQUEST,
                Protocol.LABEL_REPROVISION, approvedChallengeId, signing, agreement);
        return new ReprovisionRequest(approvedChallengeId, signing.publicKey(), agreement.publicKey(), sig);
    }

    public byte[] encode() {
        return PossessionProof.encode(Protocol.TYPE_REPROVISION_REQUEST,
                approvedChallengeId, signingPublicKey, agreementPublicKey, signature);
    }

    /** Strict parse and signature check under the key the request carries (proof of possession). */
    public static ReprovisionRequest parse(byte[] bytes) throws ProtocolException {
        byte[][] f = PossessionProof.parse(Protocol.TYPE_REPROVISION_REQUEST, Protocol.LABEL_REPROVISION, bytes);
        return new ReprovisionRequest(f[0], f[1], f[2], f[3]);
    }

    @Override
    public byte[] approvedChallengeId() {
        return approvedChallengeId.clone();
    }

    @Override
    public byte[] signingPublicKey() {
        return signingPublicKey.clone();
    }

    @Override
    public byte[] agreementPublicKey() {
        return agreementPublicKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReprovisionRequest e && Arrays.equals(encode(), e.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(approvedChallengeId);
    }

    @Override
    public String toString() {
        return "ReprovisionRequest[challenge=" + Hex.encode(approvedChallengeId) + ", signingKey="
                + Hex.encode(signingPublicKey) + "]";
    }
}
