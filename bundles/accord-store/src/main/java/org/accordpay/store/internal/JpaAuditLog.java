package org.accordpay.store.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import org.accordpay.api.store.AuditLog;
import org.accordpay.store.internal.entity.AuditEntryEntity;

/** Unlinked audit entries: SHA-256 of the body now, chain hash later by the chainer. */
final class JpaAuditLog implements AuditLog {

    private final JpaStoreTransaction tx;
    private final Clock clock;

    JpaAuditLog(JpaStoreTransaction tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public long append(String type, String purchaseId, byte[] body) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        AuditEntryEntity e = new AuditEntryEntity();
        e.at = Times.toMicros(clock.instant());
        e.type = type;
        e.purchaseId = purchaseId;
        e.digest = sha256Hex(body);
        tx.em().persist(e);
        tx.em().flush();
        return e.seq;
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
