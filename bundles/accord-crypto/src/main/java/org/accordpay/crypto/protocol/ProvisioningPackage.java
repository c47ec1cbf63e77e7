package org.accordpay.crypto.protocol;

import java.util.Arrays;
import org.accordpay.crypto.Argon2idParams;

/**
 * What the phone receives at enrolment and at each re-provisioning (plaintext of the sealed
 * provisioning message). {@code cells} is the whole table, {@code cellCount x 16} bytes, in the
 * clear: close the package as soon as the table is PIN-encoded.
 *
 * <p>Sealed layout: header {@code version u8 | suite u8 | type 0x01 | deviceId 16 |
 * accordTransportPublicKey 32 | nonce 12} (63 bytes, the AAD) then AES-256-GCM under the transport
 * key of the body {@code customerId str8 | deviceId 16 | tableId 16 | generation u32 |
 * accordHpkePublicKey 32 | argon2 memoryKiB u32 | iterations u8 | parallelism u8 | cellCount u16 |
 * cells}.
 */
public record ProvisioningPackage(int version, int suite, String customerId, byte[] deviceId, byte[] tableId,
        long generation, byte[] accordHpkePublicKey, byte[] accordTransportPublicKey, Argon2idParams argon2,
        byte[] cells) implements AutoCloseable {

    public ProvisioningPackage {
        Fields.text(customerId, "customerId");
        deviceId = Fields.id(deviceId, "deviceId");
        tableId = Fields.id(tableId, "tableId");
        if (generation < 0 || generation > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("generation must be a u32");
        }
        if (accordHpkePublicKey == null || accordHpkePublicKey.length != 32 || accordTransportPublicKey == null
                || accordTransportPublicKey.length != 32 || argon2 == null) {
            throw new IllegalArgumentException("bad key field");
        }
        if (cells == null || cells.length == 0 || cells.length % Protocol.CELL_LENGTH != 0
                || cells.length / Protocol.CELL_LENGTH > Protocol.MAX_CELLS) {
            throw new IllegalArgumentException("cells must be 1..4096 x 16 bytes");
        }
        if (argon2.iterations() > 255) {
            throw new IllegalArgumentException("iterations must fit a u8");
        }
        accordHpkePublicKey = accordHpkePublicKey.clone();
        accordTransportPublicKey = accordTransportPublicKey.clone();
    }

    public int cellCount() {
        return cells.length / Protocol.CELL_LENGTH;
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
    public byte[] accordHpkePublicKey() {
        return accordHpkePublicKey.clone();
    }

    @Override
    public byte[] accordTransportPublicKey() {
        return accordTransportPublicKey.clone();
    }

    /** The table itself (not a copy: the package owns it and zeroes it on close). */
    @Override
    public byte[] cells() {
        return cells;
    }

    byte[] header(byte[] nonce) {
        return new ByteWriter().u8(version).u8(suite).u8(Protocol.TYPE_PROVISIONING).fixed(deviceId, 16)
                .fixed(accordTransportPublicKey, 32).fixed(nonce, 12).toByteArray();
    }

    byte[] body() {
        return new ByteWriter().str8(customerId).fixed(deviceId, 16).fixed(tableId, 16).u32(generation)
                .fixed(accordHpkePublicKey, 32).u32(argon2.memoryKiB()).u8(argon2.iterations())
                .u8(argon2.parallelism()).u16(cellCount()).raw(cells).toByteArray();
    }

    static ProvisioningPackage decodeBody(int version, int suite, byte[] accordTransportPublicKey, byte[] body)
            throws ProtocolException {
        ByteReader r = new ByteReader(body);
        String customerId = r.str8();
        byte[] deviceId = r.fixed(16);
        byte[] tableId = r.fixed(16);
        long generation = r.u32();
        byte[] hpke = r.fixed(32);
        long mem = r.u32();
        int t = r.u8();
        int p = r.u8();
        int count = r.u16();
        byte[] cells = r.fixed(count * Protocol.CELL_LENGTH);
        r.end();
        try {
            if (mem > Argon2idParams.MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("memory");
            }
            return new ProvisioningPackage(version, suite, customerId, deviceId, tableId, generation, hpke,
                    accordTransportPublicKey, new Argon2idParams((int) mem, t, p), cells);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(Refusal.MALFORMED);
        }
    }

    @Override
    public void close() {
        Arrays.fill(cells, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tableId);
    }

    @Override
    public String toString() {
        return "ProvisioningPackage[customer=" + customerId + ", device=" + Hex.encode(deviceId) + ", table="
                + Hex.encode(tableId) + ", generation=" + generation + ", cells=" + cellCount() + "]";
    }
}
