package org.accordpay.crypto.protocol;

import java.util.Arrays;
import org.accordpay.crypto.Ed25519;
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

    public static final int LENGTH = 147;

    public EnrolmentRequest {
        enrolmentNonce = Fields.id(enrolmentNonce, "enrolmentNonce");
        if (signingPublicKey == null || signingPublicKey.length != 32 || agreementPublicKey == null
                || agreementPublicKey.length != 32 || signature == null || signature.length != 64) {
            throw new IllegalArgumentException("bad enrolment request field");
        }
        signingPublicKey = signingPublicKey.clone();
        agreementPublicKey = agreementPublicKey.clone();
        signature = signature.clone();
    }

    /** Handset side: signs a request with the freshly generated device keys. */
    public static EnrolmentRequest create(byte[] enrolmentNonce, RawKeyPair signing, RawKeyPair agreement) {
        byte[] tbs = signedPart(enrolmentNonce, signing.publicKey(), agreement.publicKey());
        byte[] sig = Ed25519.sign(signing.privateKey(),
                new ByteWriter().bytes16(Protocol.LABEL_ENROLMENT).raw(tbs).toByteArray());
        return new EnrolmentRequest(enrolmentNonce, signing.publicKey(), agreement.publicKey(), sig);
    }

    static byte[] signedPart(byte[] nonce, byte[] signingPub, byte[] agreementPub) {
        return new ByteWriter().u8(Protocol.VERSION).u8(Protocol.SUITE_1).u8(Protocol.TYPE_ENROLMENT_REQUEST)
                .fixed(nonce, 16).fixed(signingPub, 32).fixed(agreementPub, 32).toByteArray();
    }

    public byte[] encode() {
        return new ByteWriter().raw(signedPart(enrolmentNonce, signingPublicKey, agreementPublicKey))
                .fixed(signature, 64).toByteArray();
    }

    /** Strict parse and proof-of-possession check. */
    public static EnrolmentRequest parse(byte[] bytes) throws ProtocolException {
        ByteReader r = new ByteReader(bytes);
        Protocol.checkVersion(r.u8());
        Protocol.checkSuite(r.u8());
        if (r.u8() != Protocol.TYPE_ENROLMENT_REQUEST) {
            throw new ProtocolException(Refusal.WRONG_MESSAGE_TYPE);
        }
        EnrolmentRequest req = new EnrolmentRequest(r.fixed(16), r.fixed(32), r.fixed(32), r.fixed(64));
        r.end();
        byte[] tbs = new ByteWriter().bytes16(Protocol.LABEL_ENROLMENT)
                .raw(signedPart(req.enrolmentNonce, req.signingPublicKey, req.agreementPublicKey)).toByteArray();
        if (!Ed25519.verify(req.signingPublicKey, tbs, req.signature)) {
            throw new ProtocolException(Refusal.BAD_SIGNATURE);
        }
        return req;
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
