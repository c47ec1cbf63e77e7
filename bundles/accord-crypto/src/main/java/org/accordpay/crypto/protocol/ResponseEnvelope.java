package org.accordpay.crypto.protocol;

import java.util.Arrays;

/**
 * The response as sent by the phone, 215 bytes in suite 1: header {@code version u8 | suite u8 |
 * type 0x03 | deviceId 16 | enc 32} (51 bytes, the HPKE AAD) then the HPKE ciphertext of the
 * {@link SignedResponse} (148 + 16 bytes). HPKE info = ASCII "accord/v1/response".
 */
public record ResponseEnvelope(byte[] header, byte[] deviceId, byte[] enc, byte[] ciphertext) {

    public static final int HEADER_LENGTH = 51;
    public static final int LENGTH = HEADER_LENGTH + SignedResponse.LENGTH + 16;

    public ResponseEnvelope {
        header = header.clone();
        deviceId = deviceId.clone();
        enc = enc.clone();
        ciphertext = ciphertext.clone();
    }

    static byte[] header(byte[] deviceId, byte[] enc) {
        return new ByteWriter().u8(Protocol.VERSION).u8(Protocol.SUITE_1).u8(Protocol.TYPE_RESPONSE)
                .fixed(deviceId, 16).fixed(enc, 32).toByteArray();
    }

    /** Strict parse; the device id is what the server looks the device up with. */
    public static ResponseEnvelope parse(byte[] bytes) throws ProtocolException {
        if (bytes == null) {
            throw new ProtocolException(Refusal.TRUNCATED);
        }
        ByteReader r = new ByteReader(bytes);
        Protocol.checkVersion(r.u8());
        Protocol.checkSuite(r.u8());
        if (r.u8() != Protocol.TYPE_RESPONSE) {
            throw new ProtocolException(Refusal.WRONG_MESSAGE_TYPE);
        }
        byte[] deviceId = r.fixed(16);
        byte[] enc = r.fixed(32);
        byte[] ct = r.fixed(SignedResponse.LENGTH + 16);
        r.end();
        return new ResponseEnvelope(Arrays.copyOf(bytes, HEADER_LENGTH), deviceId, enc, ct);
    }

    public byte[] encode() {
        return new ByteWriter().raw(header).raw(ciphertext).toByteArray();
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public byte[] deviceId() {
        return deviceId.clone();
    }

    @Override
    public byte[] enc() {
        return enc.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseEnvelope e && Arrays.equals(encode(), e.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(deviceId);
    }

    @Override
    public String toString() {
        return "ResponseEnvelope[device=" + Hex.encode(deviceId) + "]";
    }
}
