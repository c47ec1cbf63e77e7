package org.accordpay.api.carrier.dto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The payload of an outbox row on channel {@code sms}: a text, optionally with a binary part for
 * the handset agent's port. The row's destination is {@code customer:<id>} or {@code phone:<E.164>}.
 *
 * <p>Encoding: a payload not starting with byte 0 is plain UTF-8 text. Otherwise
 * {@code 0x00 | port u16 | binary length u32 | binary | text UTF-8}.
 *
 * @param text   human-readable text, or null
 * @param binary binary part, or null
 * @param port   application port of the binary part, or 0
 */
public record SmsPayload(String text, byte[] binary, int port) {
    /** Copies the binary part. */
    public SmsPayload {
        binary = binary == null ? null : binary.clone();
    }

    /** @return a text-only payload */
    public static SmsPayload text(String text) {
        return new SmsPayload(text, null, 0);
    }

    /** @return a copy of the binary part, or null */
    @Override
    public byte[] binary() {
        return binary == null ? null : binary.clone();
    }

    /** @return the bytes to store in the outbox row */
    public byte[] encode() {
        byte[] t = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (binary == null && t.length > 0 && t[0] != 0) {
            return t;
        }
        byte[] b = binary == null ? new byte[0] : binary;
        return ByteBuffer.allocate(1 + 2 + 4 + b.length + t.length).put((byte) 0).putShort((short) port)
                .putInt(b.length).put(b).put(t).array();
    }

    /**
     * @param bytes an outbox row's payload
     * @return the decoded payload
     * @throws IllegalArgumentException when the bytes are truncated
     */
    public static SmsPayload decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != 0) {
            return text(new String(bytes, StandardCharsets.UTF_8));
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            in.get();
            int port = Short.toUnsignedInt(in.getShort());
            byte[] b = new byte[in.getInt()];
            in.get(b);
            byte[] t = new byte[in.remaining()];
            in.get(t);
            return new SmsPayload(t.length == 0 ? null : new String(t, StandardCharsets.UTF_8),
                    b.length == 0 ? null : b, port);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("truncated sms payload", e);
        }
    }

    /** Compares the binary part by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SmsPayload p && java.util.Objects.equals(text, p.text)
                && java.util.Arrays.equals(binary, p.binary) && port == p.port;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(text, port) * 31 + java.util.Arrays.hashCode(binary);
    }
}
