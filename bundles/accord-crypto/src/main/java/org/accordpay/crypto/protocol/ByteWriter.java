package org.accordpay.crypto.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writer for the protocol layouts. */
public final class ByteWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public ByteWriter u8(int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException("u8 out of range");
        }
        out.write(v);
        return this;
    }

    public ByteWriter u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("u16 out of range");
        }
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public ByteWriter u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 out of range");
        }
        for (int s = 24; s >= 0; s -= 8) {
            out.write((int) (v >>> s));
        }
        return this;
    }

    /** Signed 64-bit, two's complement. */
    public ByteWriter i64(long v) {
        for (int s = 56; s >= 0; s -= 8) {
            out.write((int) (v >>> s));
        }
        return this;
    }

    /** Raw bytes, no length. */
    public ByteWriter raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** Fixed-length field: must have exactly {@code length} bytes. */
    public ByteWriter fixed(byte[] b, int length) {
        if (b.length != length) {
            throw new IllegalArgumentException("field must be " + length + " bytes");
        }
        return raw(b);
    }

    /** u8 length then bytes. */
    public ByteWriter bytes8(byte[] b) {
        return u8(b.length).raw(b);
    }

    /** u16 length then bytes. */
    public ByteWriter bytes16(byte[] b) {
        return u16(b.length).raw(b);
    }

    /** u8 length then UTF-8. */
    public ByteWriter str8(String s) {
        return bytes8(s.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
