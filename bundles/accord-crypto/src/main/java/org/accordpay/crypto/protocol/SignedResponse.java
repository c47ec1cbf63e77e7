package org.accordpay.crypto.protocol;

import java.util.Arrays;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.Sha256;

/**
 * The device-signed response (the plaintext inside the HPKE envelope), 148 bytes:
 * {@code version u8 | suite u8 | type 0x13 | deviceId 16 | challengeId 16 | decision u8 |
 * transcriptHash 32 | mac 16 | signature 64}. {@code transcriptHash = SHA-256(MAC input)} so the
 * signature alone proves which purchase the device approved (non-repudiation) without the cell;
 * {@code signature = Ed25519(deviceKey, u16len label "accord/v1/response-signature" || first 84 bytes)}.
 * This is what Accord keeps as evidence.
 */
public record SignedResponse(byte[] deviceId, byte[] challengeId, Decision decision, byte[] transcriptHash,
        byte[] mac, byte[] signature) {

    public static final int LENGTH = 148;
    static final int SIGNED_LENGTH = 84;

    public SignedResponse {
        deviceId = Fields.id(deviceId, "deviceId");
        challengeId = Fields.id(challengeId, "challengeId");
        if (decision == null || transcriptHash == null || transcriptHash.length != 32 || mac == null
                || mac.length != Protocol.MAC_LENGTH || signature == null || signature.length != Ed25519.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("bad signed response field");
        }
        transcriptHash = transcriptHash.clone();
        mac = mac.clone();
        signature = signature.clone();
    }

    /** Builds and signs the response the handset sends for {@code challenge}. */
    public static SignedResponse create(byte[] cell, Challenge challenge, Decision decision, SecretBytes deviceSigningKey) {
        byte[] mac = ResponseMac.compute(cell, challenge, decision);
        byte[] hash = Sha256.digest(ResponseMac.input(challenge, decision));
        byte[] tbs = signedPart(challenge.deviceId(), challenge.challengeId(), decision, hash, mac);
        byte[] sig = Ed25519.sign(deviceSigningKey, signatureInput(tbs));
        return new SignedResponse(challenge.deviceId(), challenge.challengeId(), decision, hash, mac, sig);
    }

    static byte[] signedPart(byte[] deviceId, byte[] challengeId, Decision d, byte[] hash, byte[] mac) {
        return new ByteWriter().u8(Protocol.VERSION).u8(Protocol.SUITE_1).u8(Protocol.TYPE_SIGNED_RESPONSE)
                .fixed(deviceId, 16).fixed(challengeId, 16).u8(d.code()).fixed(hash, 32).fixed(mac, 16)
                .toByteArray();
    }

    static byte[] signatureInput(byte[] signedPart) {
        return new ByteWriter().bytes16(Protocol.LABEL_SIGNATURE).raw(signedPart).toByteArray();
    }

    public byte[] encode() {
        return new ByteWriter().raw(signedPart(deviceId, challengeId, decision, transcriptHash, mac))
                .fixed(signature, 64).toByteArray();
    }

    /** True if the Ed25519 signature verifies under {@code devicePublicKey}. */
    public boolean signatureValid(byte[] devicePublicKey) {
        return Ed25519.verify(devicePublicKey,
                signatureInput(signedPart(deviceId, challengeId, decision, transcriptHash, mac)), signature);
    }

    /** Strict parse (version, suite, type, length). */
    public static SignedResponse decode(byte[] bytes) throws ProtocolException {
        ByteReader r = new ByteReader(bytes);
        Protocol.checkVersion(r.u8());
        Protocol.checkSuite(r.u8());
        if (r.u8() != Protocol.TYPE_SIGNED_RESPONSE) {
            throw new ProtocolException(Refusal.WRONG_MESSAGE_TYPE);
        }
        byte[] deviceId = r.fixed(16);
        byte[] challengeId = r.fixed(16);
        Decision d = Decision.of(r.u8());
        byte[] hash = r.fixed(32);
        byte[] mac = r.fixed(16);
        byte[] sig = r.fixed(64);
        r.end();
        return new SignedResponse(deviceId, challengeId, d, hash, mac, sig);
    }

    @Override
    public byte[] deviceId() {
        return deviceId.clone();
    }

    @Override
    public byte[] challengeId() {
        return challengeId.clone();
    }

    @Override
    public byte[] transcriptHash() {
        return transcriptHash.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedResponse s && Arrays.equals(encode(), s.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(challengeId);
    }

    @Override
    public String toString() {
        return "SignedResponse[challenge=" + Hex.encode(challengeId) + ", device=" + Hex.encode(deviceId)
                + ", decision=" + decision + "]";
    }
}
