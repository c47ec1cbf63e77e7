package org.accordpay.crypto.protocol;

/**
 * Sealed challenge layout: header {@code version u8 | suite u8 | type 0x02 | deviceId 16 |
 * nonce 12} (31 bytes, the AES-GCM AAD) then {@code AES-256-GCM(transportKey, nonce, header,
 * Challenge.encode())} (body + 16-byte tag).
 */
public final class SealedChallenge {
    public static final int HEADER_LENGTH = 31;

    private SealedChallenge() {
    }

    static byte[] header(byte[] deviceId, byte[] nonce) {
        return new ByteWriter().u8(Protocol.VERSION).u8(Protocol.SUITE_1).u8(Protocol.TYPE_CHALLENGE)
                .fixed(deviceId, 16).fixed(nonce, 12).toByteArray();
    }

    /** The addressee in the (authenticated, not encrypted) header, after version/suite/type checks. */
    public static byte[] addressee(byte[] sealed) throws ProtocolException {
        ByteReader r = new ByteReader(sealed == null ? new byte[0] : sealed);
        Protocol.checkVersion(r.u8());
        Protocol.checkSuite(r.u8());
        if (r.u8() != Protocol.TYPE_CHALLENGE) {
            throw new ProtocolException(Refusal.WRONG_MESSAGE_TYPE);
        }
        byte[] deviceId = r.fixed(16);
        r.fixed(12);
        if (r.remaining() < 16) {
            throw new ProtocolException(Refusal.TRUNCATED);
        }
        return deviceId;
    }
}
