package org.accordpay.crypto.protocol;

import java.util.Arrays;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.SecretBytes;

/**
 * The handset's acknowledgement that it installed a new table generation (sent over TLS once
 * its state file is replaced), 103 bytes: {@code version u8 | suite u8 | type 0x06 | deviceId 16 |
 * generation u32 | tableId 16 | signature 64}, the signature by the device's registered Ed25519
 * key over {@code u16len "accord/v1/reprovision-ack" || the first 39 bytes}. Deterministic
 * (Ed25519), so the handset can send it again until Accord confirms.
 */
public record ReprovisionAck(byte[] deviceId, long generation, byte[] tableId, byte[] signature) {

    public static final int LENGTH = 103;

    public ReprovisionAck {
        deviceId = Fields.id(deviceId, "deviceId");
        tableId = Fields.id(tableId, "tableId");
        if (generation < 1 || generation > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("generation out of range");
        }
        if (signature == null || signature.length != 64) {
            throw new IllegalArgumentException("signature must be 64 bytes");
        }
        signature = signature.clone();
    }

    /** Handset side: signs the acknowledgement with the device signing key. */
    public static ReprovisionAck create(byte[] deviceId, long generation, byte[] tableId, SecretBytes deviceSigningKey) {
        byte[] sig = Ed25519.sign(deviceSigningKey, signedInput(deviceId, generation, tableId));
        return new ReprovisionAck(deviceId, generation, tableId, sig);
    }

    static byte[] signedPart(byte[] deviceId, long generation, byte[] tableId) {
        return new ByteWriter().u8(Protocol.VERSION).u8(Protocol.SUITE_1).u8(Protocol.TYPE_REPROVISION_ACK)
                .fixed(deviceId, 16).u32(generation).fixed(tableId, 16).toByteArray();
    }

    private static byte[] signedInput(byte[] deviceId, long generation, byte[] tableId) {
        return new ByteWriter().bytes16(Protocol.LABEL_REPROVISION_ACK)
                .raw(signedPart(deviceId, generation, tableId)).toByteArray();
    }

    public byte[] encode() {
        return new ByteWriter().raw(signedPart(deviceId, generation, tableId)).fixed(signature, 64).toByteArray();
    }

    /** Strict parse (layout only: the signature is checked by {@link #signatureValid} with the registered key). */
    public static ReprovisionAck parse(byte[] bytes) throws ProtocolException {
        ByteReader r = new ByteReader(bytes == null ? new byte[0] : bytes);
        Protocol.checkVersion(r.u8());
        Protocol.checkSuite(r.u8());
        if (r.u8() != Protocol.TYPE_REPROVISION_ACK) {
            throw new ProtocolException(Refusal.WRONG_MESSAGE_TYPE);
        }
        byte[] deviceId = r.fixed(16);
        long generation = r.u32();
        if (generation < 1) {
            throw new ProtocolException(Refusal.MALFORMED);
        }
        byte[] tableId = r.fixed(16);
        byte[] signature = r.fixed(64);
        r.end();
        return new ReprovisionAck(deviceId, generation, tableId, signature);
    }

    /** @return whether the signature verifies under the device's registered public key */
    public boolean signatureValid(byte[] deviceSigningPublicKey) {
        return deviceSigningPublicKey != null && deviceSigningPublicKey.length == 32
                && Ed25519.verify(deviceSigningPublicKey, signedInput(deviceId, generation, tableId), signature);
    }

    @Override
    public byte[] deviceId() {
        return deviceId.clone();
    }

    @Override
    public byte[] tableId() {
        return tableId.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReprovisionAck a && Arrays.equals(encode(), a.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tableId);
    }

    @Override
    public String toString() {
        return "ReprovisionAck[device=" + Hex.encode(deviceId) + ", generation=" + generation + ", table="
                + Hex.encode(tableId) + "]";
    }
}
