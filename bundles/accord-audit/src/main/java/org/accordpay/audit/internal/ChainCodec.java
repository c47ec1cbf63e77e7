package org.accordpay.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.crypto.Sha256;

/**
 * The canonical encodings of the audit chain (stable: third parties recompute them).
 *
 * <p>Every field is written as a 4-byte big-endian length followed by its bytes; strings are
 * UTF-8, numbers are 8-byte big-endian. {@code chain_hash(n)} is the lowercase hex SHA-256 of the
 * fields (previous chain hash, or 64 '0' characters for the first entry; chain position; seq;
 * {@code at} in epoch microseconds; type; purchase id or ""; digest). A signed head is the
 * Ed25519 signature over the fields ("accord/audit-head/v1"; chain position; chain hash;
 * {@code signed_at} in epoch microseconds).
 */
final class ChainCodec {

    static final String GENESIS = "0".repeat(64);
    static final String HEAD_LABEL = "accord/audit-head/v1";

    private ChainCodec() {
    }

    static String chainHash(String previous, long chainPos, AuditEntry e) {
        byte[] encoded = new Fields()
                .text(previous)
                .number(chainPos)
                .number(e.seq())
                .number(micros(e.at()))
                .text(e.type())
                .text(e.purchaseId() == null ? "" : e.purchaseId())
                .text(e.digest())
                .bytes();
        return HexFormat.of().formatHex(Sha256.digest(encoded));
    }

    static byte[] headMessage(long chainPos, String chainHash, Instant signedAt) {
        return new Fields().text(HEAD_LABEL).number(chainPos).text(chainHash).number(micros(signedAt)).bytes();
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /** Length-prefixed field writer. */
    static final class Fields {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Fields text(String s) {
            return raw(s.getBytes(StandardCharsets.UTF_8));
        }

        Fields number(long n) {
            return raw(ByteBuffer.allocate(8).putLong(n).array());
        }

        Fields raw(byte[] b) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
