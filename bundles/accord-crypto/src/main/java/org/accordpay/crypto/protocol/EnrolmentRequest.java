package org.accordpay.crypto.protocol;

import java.util.Arrays;
import org.accordpay.crypto.RawKeyPair;

/**
 * What the phone sends to enrol (over TLS, inside an enrolment session Accord authenticated by
 * other means), 147 bytes: {@code version u8 | suite u8 | type 0x04 | enrolmentNonce 16 |
 * signingPublicKey 32 (Ed25519) | agreementPublicKey 32 (X25519) | signature 64}, the signature
 * (proof of possession of the signing key) by the new Ed25519 key over
 * {@code u16len "accord/v1/enrolment" || the first 83 bytes}. The nonce is issued by Accord for
 * that enrolment session, which binds the keys to it.
 */
public record EnrolmentRequest(byte[] enrolmentNonce, byte[] signingPublicKey, byte[] agreementPublicKey,
        byte[] signature) {

    public static final int LENGTH = PossessionProof.LENGTH;

    public EnrolmentRequest {
        enrolmentNonce = Fields.id(enrolmentNonce, "enrolmentNonce");
        PossessionProof.checkFields(signingPublicKey, agreementPublicKey, signature, "bad enrolment request field");
        signingPublicKey = signingPublicKey.clone();
        agreementPublicKey = agreementPublicKey.clone();
        signature = signature.clone();
    }

    /** Handset side: signs a request with the freshly generated device keys. */
    public static EnrolmentRequest create(byte[] enrolmentNonce, RawKeyPair signing, RawKeyPair agreement) {
        byte[] sig = PossessionProof.sign(Protocol.TYPE_ENROLMENT_REQUEST,
                Protocol.LABEL_ENROLMENT, enrolmentNonce, signing, agreement);
        return new EnrolmentRequest(enrolmentNonce, signing.publicKey(), agreement.publicKey(), sig);
    }

    public byte[] encode() {
        return PossessionProof.encode(Protocol.TYPE_ENROLMENT_REQUEST,
                enrolmentNonce, signingPublicKey, agreementPublicKey, signature);
    }

    /** Strict parse and proof-of-possession check. */
    public static EnrolmentRequest parse(byte[] bytes) throws ProtocolException {
        byte[][] f = PossessionProof.parse(Protocol.TYPE_ENROLMENT_REQUEST, Protocol.LABEL_ENROLMENT, bytes);
        return new EnrolmentRequest(f[0], f[1], f[2], f[3]);
    }

    @Override
    public byte[] enrolmentNonce() {
        return enrolmentNonce.clone();
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
        return o instanceof EnrolmentRequest e && Arrays.equals(encode(), e.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signingPublicKey);
    }

    @Override
    public String toString() {
        return "EnrolmentRequest[signingKey=" + Hex.encode(signingPublicKey) + "]";
    }
}
