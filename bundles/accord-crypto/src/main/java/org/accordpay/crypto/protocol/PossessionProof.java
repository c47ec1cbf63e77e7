package org.accordpay.crypto.protocol;

import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.RawKeyPair;

/**
 * The layout shared by the enrolment and re-provisioning requests: {@code version u8 | suite u8 |
 * type u8 | nonce 16 | signingPublicKey 32 | agreementPublicKey 32 | signature 64}, signed by the
 * Ed25519 key it carries over {@code u16len label || the first 83 bytes} (proof of possession).
 * Each message has its own type and label, so one can never be replayed as the other.
 */
final class PossessionProof {

    static final int LENGTH = 147;

    private PossessionProof() {
    }

    /** Checks the key and signature fields of a request record. */
    static void checkFields(byte[] signingPublicKey, byte[] agreementPublicKey, byte[] signature, String message) {
        if (signingPublicKey == null || signingPublicKey.length != 32 || agreementPublicKey == null
                || agreementPublicKey.length != 32 || signature == null || signature.length != 64) {
            throw new IllegalArgumentException(message);
        }
    }

    static byte[] signedPart(int type, byte[] nonce, byte[] signingPub, byte[] agreementPub) {
        return new ByteWriter().u8(Protocol.VERSION).u8(Protocol.SUITE_1).u8(type)
                .fixed(nonce, 16).fixed(signingPub, 32).fixed(agreementPub, 32).toByteArray();
    }

    /** Handset side: the signature over the request. */
    static byte[] sign(int type, byte[] label, byte[] nonce, RawKeyPair signing, RawKeyPair agreement) {
        byte[] tbs = signedPart(type, nonce, signing.publicKey(), agreement.publicKey());
        return Ed25519.sign(signing.privateKey(), new ByteWriter().bytes16(label).raw(tbs).toByteArray());
    }

    static byte[] encode(int type, byte[] nonce, byte[] signingPub, byte[] agreementPub, byte[] signature) {
        return new ByteWriter().raw(signedPart(type, nonce, signingPub, agreementPub)).fixed(signature, 64)
                .toByteArray();
    }

    /**
     * Strict parse and signature check under the key the message carries.
     *
     * @return {nonce, signingPublicKey, agreementPublicKey, signature}
     */
    static byte[][] parse(int type, byte[] label, byte[] bytes) throws ProtocolException {
        ByteReader r = new ByteReader(bytes == null ? new byte[0] : bytes);
        Protocol.checkVersion(r.u8());
        Protocol.checkSuite(r.u8());
        if (r.u8() != type) {
            throw new ProtocolException(Refusal.WRONG_MESSAGE_TYPE);
        }
        byte[][] fields = {r.fixed(16), r.fixed(32), r.fixed(32), r.fixed(64)};
        r.end();
        byte[] tbs = new ByteWriter().bytes16(label).raw(signedPart(type, fields[0], fields[1], fields[2]))
                .toByteArray();
        if (!Ed25519.verify(fields[1], tbs, fields[3])) {
            throw new ProtocolException(Refusal.BAD_SIGNATURE);
        }
        return fields;
    }
}
