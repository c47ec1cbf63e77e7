package org.accordpay.handset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.protocol.ByteReader;
import org.accordpay.crypto.protocol.ByteWriter;
import org.accordpay.crypto.protocol.ProtocolException;

/**
 * The handset's persistent state (docs/handset-protocol.md, "Handset state"). Nothing in it
 * depends on the PIN except the encoded cells, which carry no check value: the file gives no way
 * to test a PIN guess offline.
 */
final class HandsetState {
    static final byte[] MAGIC = "ACHS".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    static final int MAX_SEEN = 4096;

    // device keys (made at init, never derived from the PIN)
    byte[] signingPrivate;
    byte[] signingPublic;
    byte[] agreementPrivate;
    byte[] agreementPublic;

    // enrolment (absent before enrol)
    boolean enrolled;
    String customerId;
    byte[] deviceId;
    byte[] tableId;
    long generation;
    byte[] transportKey;
    byte[] accordHpkePublic;
    Argon2idParams argon2;
    byte[] salt;
    byte[] encodedCells;
    BitSet erased = new BitSet();
    Deque<byte[]> seen = new ArrayDeque<>();

    // pending challenge: its sealed bytes and its (PIN-encoded) cell, taken out of the table
    byte[] pendingSealed;
    byte[] pendingEncodedCell;

    int cellCount() {
        return encodedCells == null ? 0 : encodedCells.length / 16;
    }

    boolean seen(byte[] challengeId) {
        for (byte[] s : seen) {
            if (Arrays.equals(s, challengeId)) {
                return true;
            }
        }
        return false;
    }

    void remember(byte[] challengeId) {
        seen.addLast(challengeId.clone());
        while (seen.size() > MAX_SEEN) {
            seen.removeFirst();
        }
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter().raw(MAGIC).u8(FORMAT)
                .fixed(signingPrivate, 32).fixed(signingPublic, 32).fixed(agreementPrivate, 32).fixed(agreementPublic, 32)
                .u8(enrolled ? 1 : 0);
        if (enrolled) {
            w.str8(customerId).fixed(deviceId, 16).fixed(tableId, 16).u32(generation).fixed(transportKey, 32)
                    .fixed(accordHpkePublic, 32).u32(argon2.memoryKiB()).u8(argon2.iterations()).u8(argon2.parallelism())
                    .fixed(salt, 16).u16(cellCount()).raw(encodedCells);
            byte[] bitmap = Arrays.copyOf(erased.toByteArray(), (cellCount() + 7) / 8);
            w.raw(bitmap);
            w.u16(seen.size());
            for (byte[] s : seen) {
                w.fixed(s, 16);
            }
            w.u8(pendingSealed == null ? 0 : 1);
            if (pendingSealed != null) {
                w.bytes16(pendingSealed).fixed(pendingEncodedCell, 16);
            }
        }
        return w.toByteArray();
    }

    static HandsetState decode(byte[] bytes) throws IOException {
        try {
            ByteReader r = new ByteReader(bytes);
            if (!Arrays.equals(r.fixed(4), MAGIC) || r.u8() != FORMAT) {
                throw new IOException("not a handset state file of format " + FORMAT);
            }
            HandsetState s = new HandsetState();
            s.signingPrivate = r.fixed(32);
            s.signingPublic = r.fixed(32);
            s.agreementPrivate = r.fixed(32);
            s.agreementPublic = r.fixed(32);
            s.enrolled = r.u8() == 1;
            if (s.enrolled) {
                s.customerId = r.str8();
                s.deviceId = r.fixed(16);
                s.tableId = r.fixed(16);
                s.generation = r.u32();
                s.transportKey = r.fixed(32);
                s.accordHpkePublic = r.fixed(32);
                s.argon2 = new Argon2idParams((int) r.u32(), r.u8(), r.u8());
                s.salt = r.fixed(16);
                int n = r.u16();
                s.encodedCells = r.fixed(n * 16);
                s.erased = BitSet.valueOf(r.fixed((n + 7) / 8));
                int seen = r.u16();
                for (int i = 0; i < seen; i++) {
                    s.seen.addLast(r.fixed(16));
                }
                if (r.u8() == 1) {
                    s.pendingSealed = r.bytes16();
                    s.pendingEncodedCell = r.fixed(16);
                }
            }
            r.end();
            return s;
        } catch (ProtocolException | IllegalArgumentException e) {
            throw new IOException("corrupt handset state file", e);
        }
    }

    /** Atomic replace (write to a sibling temp file, then rename), owner-only permissions. */
    void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            byte[] data = encode();
            Files.write(tmp, data);
            Arrays.fill(data, (byte) 0);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
