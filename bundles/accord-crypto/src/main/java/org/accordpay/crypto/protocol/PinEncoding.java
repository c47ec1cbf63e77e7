package org.accordpay.crypto.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.accordpay.crypto.AesCtrPrf;
import org.accordpay.crypto.Argon2id;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.SecretBytes;

/**
 * The PIN encoding of the table on the phone (docs/handset-protocol.md, "PIN encoding"):
 * {@code K = Argon2id(PIN as UTF-8 digits, salt 16, params, 32 bytes)};
 * {@code encoded[i] = cell[i] XOR AES-256(K, tableId + i mod 2^128)} (block i of AES-CTR with the
 * table id as initial counter block). No tag, checksum, padding, header or flag: every PIN decodes
 * the table to some 16 KiB of bytes, and only Accord can tell which is right. Nothing else may
 * be derived from the PIN or the cells.
 */
public final class PinEncoding {
    public static final int SALT_LENGTH = 16;
    public static final int KEY_LENGTH = 32;

    private PinEncoding() {
    }

    /** The PIN key. The caller keeps and zeroes {@code pin}. */
    public static SecretBytes deriveKey(char[] pin, byte[] salt, Argon2idParams params) {
        if (salt == null || salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be 16 bytes");
        }
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
        byte[] pw = new byte[bb.remaining()];
        bb.get(pw);
        Arrays.fill(bb.array(), (byte) 0);
        try {
            return Argon2id.derive(pw, salt, params, KEY_LENGTH);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** XORs every cell with its PRF block: encodes a clear table, or decodes an encoded one. */
    public static byte[] xorTable(SecretBytes pinKey, byte[] tableId, byte[] cells) {
        if (cells.length % Protocol.CELL_LENGTH != 0) {
            throw new IllegalArgumentException("cells must be a multiple of 16 bytes");
        }
        byte[] stream = AesCtrPrf.blocks(pinKey, Fields.id(tableId, "tableId"), 0, cells.length / Protocol.CELL_LENGTH);
        byte[] out = new byte[cells.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (cells[i] ^ stream[i]);
        }
        Arrays.fill(stream, (byte) 0);
        return out;
    }

    /** Decodes the one cell at {@code index}: whatever the PIN, a 16-byte value comes out. */
    public static byte[] decodeCell(SecretBytes pinKey, byte[] tableId, byte[] encodedCells, int index) {
        if (index < 0 || (index + 1) * Protocol.CELL_LENGTH > encodedCells.length) {
            throw new IllegalArgumentException("cell index out of range");
        }
        byte[] block = AesCtrPrf.blocks(pinKey, Fields.id(tableId, "tableId"), index, 1);
        byte[] out = new byte[Protocol.CELL_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (encodedCells[index * Protocol.CELL_LENGTH + i] ^ block[i]);
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    /** Re-encodes a table from one PIN key to another (PIN change); erased cells stay zero. */
    public static byte[] reencode(SecretBytes oldKey, SecretBytes newKey, byte[] tableId, byte[] encodedCells,
            java.util.function.IntPredicate erased) {
        byte[] clear = xorTable(oldKey, tableId, encodedCells);
        try {
            byte[] out = xorTable(newKey, tableId, clear);
            for (int i = 0; i < out.length / Protocol.CELL_LENGTH; i++) {
                if (erased.test(i)) {
                    Arrays.fill(out, i * Protocol.CELL_LENGTH, (i + 1) * Protocol.CELL_LENGTH, (byte) 0);
                }
            }
            return out;
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }
}
