package org.accordpay.crypto.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Strict big-endian reader: truncation, trailing bytes and invalid UTF-8 are refusals. */
public final class ByteReader {
    private final byte[] data;
    private int pos;

    public ByteReader(byte[] data) {
        this.data = data;
    }

    private void need(int n) throws ProtocolException {
        if (n < 0 || data.length - pos < n) {
            throw new ProtocolException(Refusal.TRUNCATED);
        }
    }

    public int u8() throws ProtocolException {
        need(1);
        return data[pos++] & 0xFF;
    }

    public int u16() throws ProtocolException {
        need(2);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public long u32() throws ProtocolException {
        need(4);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (data[pos++] & 0xFF);
        }
        return v;
    }

    public long i64() throws ProtocolException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[pos++] & 0xFF);
        }
        return v;
    }

    public byte[] fixed(int n) throws ProtocolException {
        need(n);
        byte[] b = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    public byte[] bytes8() throws ProtocolException {
        return fixed(u8());
    }

    public byte[] bytes16() throws ProtocolException {
        return fixed(u16());
    }

    /** u8 length then strict UTF-8 (malformed sequences refused). */
    public String str8() throws ProtocolException {
        byte[] b = bytes8();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(Refusal.MALFORMED);
        }
    }

    /** All remaining bytes. */
    public byte[] rest() {
        byte[] b = Arrays.copyOfRange(data, pos, data.length);
        pos = data.length;
        return b;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return data.length - pos;
    }

    /** Refuses trailing bytes. */
    public void end() throws ProtocolException {
        if (pos != data.length) {
            throw new ProtocolException(Refusal.TRAILING_BYTES);
        }
    }
}
