package org.accordpay.crypto.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.accordpay.crypto.ConstantTime;
import org.accordpay.crypto.Hmac;

/**
 * The response MAC: HMAC-SHA256 keyed by the 16-byte cell over the canonical MAC input, truncated
 * to 16 bytes. MAC input = each field as {@code u16 length || bytes}, in this order: label
 * "accord/v1/response-mac", version (1 byte), suite (1), mode (1), customer id (UTF-8), device id
 * (16), table id (16), generation (4), challenge id (16), cell address (2), decision (1), amount (8),
 * currency (3, ASCII), merchant id (UTF-8), merchant display name (UTF-8), purchase id (UTF-8),
 * issue time (8), expiry (8). Integers big-endian.
 */
public final class ResponseMac {
    private ResponseMac() {
    }

    public static byte[] input(Challenge c, Decision d) {
        return input(Protocol.VERSION, Protocol.SUITE_1, c, d);
    }

    static byte[] input(int version, int suite, Challenge c, Decision d) {
        return new ByteWriter()
                .bytes16(Protocol.LABEL_MAC)
                .bytes16(new byte[] {(byte) version})
                .bytes16(new byte[] {(byte) suite})
                .bytes16(new byte[] {(byte) c.mode().code()})
                .bytes16(utf8(c.customerId()))
                .bytes16(c.deviceId())
                .bytes16(c.tableId())
                .bytes16(new ByteWriter().u32(c.generation()).toByteArray())
                .bytes16(c.challengeId())
                .bytes16(new ByteWriter().u16(c.cellAddress()).toByteArray())
                .bytes16(new byte[] {(byte) d.code()})
                .bytes16(new ByteWriter().i64(c.amountMinor()).toByteArray())
                .bytes16(Protocol.ascii(c.currency()))
                .bytes16(utf8(c.merchantId()))
                .bytes16(utf8(c.merchantName()))
                .bytes16(utf8(c.purchaseId()))
                .bytes16(new ByteWriter().i64(c.issuedAt()).toByteArray())
                .bytes16(new ByteWriter().i64(c.expiresAt()).toByteArray())
                .toByteArray();
    }

    /** The 16-byte MAC. */
    public static byte[] compute(byte[] cell, Challenge c, Decision d) {
        if (cell == null || cell.length != Protocol.CELL_LENGTH) {
            throw new IllegalArgumentException("cell must be 16 bytes");
        }
        byte[] full = Hmac.sha256(cell, input(c, d));
        byte[] mac = Arrays.copyOf(full, Protocol.MAC_LENGTH);
        Arrays.fill(full, (byte) 0);
        return mac;
    }

    /** Constant-time comparison over the full 16 bytes. */
    public static boolean matches(byte[] cell, Challenge c, Decision d, byte[] mac) {
        byte[] expected = compute(cell, c, d);
        try {
            return mac != null && mac.length == Protocol.MAC_LENGTH && ConstantTime.equals(expected, mac);
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
