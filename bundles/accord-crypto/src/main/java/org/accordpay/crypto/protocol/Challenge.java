package org.accordpay.crypto.protocol;

import java.util.Arrays;

/**
 * The plaintext of a challenge message (version 1). Everything the customer approves, and
 * everything the response MAC covers besides version, suite and decision.
 *
 * @param challengeId 128-bit random id
 * @param cellAddress index of the challenged cell in the table (u16)
 * @param mode live or test
 * @param customerId opaque customer id, 1..64 UTF-8 bytes
 * @param deviceId 16-byte device id
 * @param tableId 16-byte table id
 * @param generation table generation (u32)
 * @param amountMinor amount in minor units of {@code currency}, not negative
 * @param currency ISO 4217 alphabetic code
 * @param merchantId 1..64 UTF-8 bytes
 * @param merchantName display name shown on the phone, 1..64 UTF-8 bytes, no control/bidi characters
 * @param purchaseId 1..64 UTF-8 bytes
 * @param issuedAt issue time, Unix seconds
 * @param expiresAt expiry, Unix seconds, after {@code issuedAt} by at most 300 s
 */
public record Challenge(byte[] challengeId, int cellAddress, Mode mode, String customerId, byte[] deviceId,
        byte[] tableId, long generation, long amountMinor, String currency, String merchantId,
        String merchantName, String purchaseId, long issuedAt, long expiresAt) {

    public Challenge {
        challengeId = Fields.id(challengeId, "challengeId");
        deviceId = Fields.id(deviceId, "deviceId");
        tableId = Fields.id(tableId, "tableId");
        if (cellAddress < 0 || cellAddress > 0xFFFF) {
            throw new IllegalArgumentException("cellAddress must be a u16");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode");
        }
        Fields.text(customerId, "customerId");
        Fields.text(merchantId, "merchantId");
        Fields.text(merchantName, "merchantName");
        Fields.text(purchaseId, "purchaseId");
        Fields.currency(currency);
        if (generation < 0 || generation > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("generation must be a u32");
        }
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (expiresAt <= issuedAt || expiresAt - issuedAt > Protocol.MAX_LIFETIME_SECONDS) {
            throw new IllegalArgumentException("lifetime must be 1..300 s");
        }
    }

    @Override
    public byte[] challengeId() {
        return challengeId.clone();
    }

    @Override
    public byte[] deviceId() {
        return deviceId.clone();
    }

    @Override
    public byte[] tableId() {
        return tableId.clone();
    }

    /** The plaintext body layout (docs/handset-protocol.md, "Challenge message"). */
    public byte[] encode() {
        return new ByteWriter()
                .fixed(challengeId, 16).u16(cellAddress).u8(mode.code()).str8(customerId)
                .fixed(deviceId, 16).fixed(tableId, 16).u32(generation).i64(amountMinor)
                .raw(Protocol.ascii(currency)).str8(merchantId).str8(merchantName).str8(purchaseId)
                .i64(issuedAt).i64(expiresAt)
                .toByteArray();
    }

    /** Strict parse of the plaintext body. */
    public static Challenge decode(byte[] body) throws ProtocolException {
        ByteReader r = new ByteReader(body);
        byte[] challengeId = r.fixed(16);
        int address = r.u16();
        Mode mode = Mode.of(r.u8());
        String customerId = r.str8();
        byte[] deviceId = r.fixed(16);
        byte[] tableId = r.fixed(16);
        long generation = r.u32();
        long amount = r.i64();
        String currency = new String(r.fixed(3), java.nio.charset.StandardCharsets.US_ASCII);
        String merchantId = r.str8();
        String merchantName = r.str8();
        String purchaseId = r.str8();
        long issuedAt = r.i64();
        long expiresAt = r.i64();
        r.end();
        try {
            return new Challenge(challengeId, address, mode, customerId, deviceId, tableId, generation, amount,
                    currency, merchantId, merchantName, purchaseId, issuedAt, expiresAt);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(Refusal.MALFORMED);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Challenge c && Arrays.equals(encode(), c.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(challengeId);
    }

    @Override
    public String toString() {
        return "Challenge[id=" + Hex.encode(challengeId) + ", address=" + cellAddress + ", mode=" + mode
                + ", amount=" + amountMinor + " " + currency + ", merchant=" + merchantId + ", purchase=" + purchaseId
                + ", expiresAt=" + expiresAt + "]";
    }
}
