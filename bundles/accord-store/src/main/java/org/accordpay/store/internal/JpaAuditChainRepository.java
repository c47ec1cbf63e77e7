package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.store.AuditChainRepository;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.AuditHead;
import org.accordpay.store.internal.entity.AuditEntryEntity;
import org.accordpay.store.internal.entity.AuditHeadEntity;

/**
 * The chainer's side of the audit log. Entries are read as scalar rows (never as managed
 * entities), so a bulk {@link #link} in the same transaction can never leave a stale copy behind.
 * {@link #link} is a compare-and-set UPDATE ({@code chain_pos IS NULL}); the unique constraint on
 * {@code chain_pos} stops two chainers from using one position twice.
 */
final class JpaAuditChainRepository implements AuditChainRepository {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String COLUMNS = "select e.seq, e.at, e.type, e.purchaseId, e.digest, e.chainHash, e.chainPos"
            + " from AuditEntryEntity e ";

    private final JpaStoreTransaction tx;

    JpaAuditChainRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<AuditEntry> unlinked(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.em().createQuery(COLUMNS + "where e.chainPos is null order by e.seq", Object[].class)
                .setMaxResults(limit).getResultList().stream().map(JpaAuditChainRepository::toEntry).toList();
    }

    @Override
    public Optional<AuditEntry> lastLinked() {
        return tx.em().createQuery(COLUMNS + "where e.chainPos is not null order by e.chainPos desc", Object[].class)
                .setMaxResults(1).getResultStream().findFirst().map(JpaAuditChainRepository::toEntry);
    }

    @Override
    public void link(long seq, long chainPos, String chainHash) {
        Objects.requireNonNull(chainHash, "chain hash");
        if (!HASH.matcher(chainHash).matches()) {
            throw new IllegalArgumentException("chain hash must be 64 lowercase hex characters");
        }
        if (chainPos <= 0) {
            throw new IllegalArgumentException("chain position must be positive: " + chainPos);
        }
        EntityManager em = tx.em();
        int updated;
        try {
            updated = em.createQuery("update AuditEntryEntity e set e.chainPos = :pos, e.chainHash = :hash"
                            + " where e.seq = :seq and e.chainPos is null")
                    .setParameter("pos", chainPos)
                    .setParameter("hash", chainHash)
                    .setParameter("seq", seq)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (Errors.isConstraintViolation(e) || Errors.isConflict(e)) {
                throw new ConcurrentUpdateException("chain position " + chainPos + " is already used");
            }
            throw e;
        }
        if (updated == 0) {
            Long exists = em.createQuery("select count(e) from AuditEntryEntity e where e.seq = :seq", Long.class)
                    .setParameter("seq", seq).getSingleResult();
            if (exists == 0) {
                throw new StoreException("audit entry " + seq + " does not exist");
            }
            throw new ConcurrentUpdateException("audit entry " + seq + " is already linked");
        }
    }

    @Override
    public List<AuditEntry> linkedFrom(long chainPos, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.em().createQuery(COLUMNS + "where e.chainPos >= :from order by e.chainPos", Object[].class)
                .setParameter("from", chainPos)
                .setMaxResults(limit).getResultList().stream().map(JpaAuditChainRepository::toEntry).toList();
    }

    @Override
    public List<AuditEntry> forPurchase(String purchaseId) {
        Objects.requireNonNull(purchaseId, "purchase id");
        return tx.em().createQuery(COLUMNS + "where e.purchaseId = :purchase order by e.seq", Object[].class)
                .setParameter("purchase", purchaseId)
                .getResultList().stream().map(JpaAuditChainRepository::toEntry).toList();
    }

    @Override
    public void saveHead(AuditHead head) {
        Objects.requireNonNull(head, "head");
        if (!HASH.matcher(head.chainHash()).matches()) {
            throw new IllegalArgumentException("chain hash must be 64 lowercase hex characters");
        }
        byte[] signature = head.signature();
        if (signature.length > JpaCredentialRepository.MAX_BLOB) {
            throw new IllegalArgumentException("signature is " + signature.length + " bytes");
        }
        if (head.keyId().length() > 64) {
            throw new IllegalArgumentException("key id longer than 64 characters");
        }
        EntityManager em = tx.em();
        AuditHeadEntity e = new AuditHeadEntity();
        e.chainPos = head.chainPos();
        e.chainHash = head.chainHash();
        e.signature = signature;
        e.signedAt = Times.toMicros(head.signedAt());
        e.keyId = head.keyId();
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex) || Errors.isConflict(ex)) {
                throw new ConcurrentUpdateException("a head for chain position " + head.chainPos() + " already exists");
            }
            throw ex;
        }
    }

    @Override
    public Optional<AuditHead> lastHead() {
        return tx.em().createQuery("select h.chainPos, h.chainHash, h.signature, h.signedAt, h.keyId"
                        + " from AuditHeadEntity h order by h.chainPos desc", Object[].class)
                .setMaxResults(1).getResultStream().findFirst()
                .map(r -> new AuditHead(((Number) r[0]).longValue(), ((String) r[1]).trim(), (byte[]) r[2],
                        Times.fromMicros(((Number) r[3]).longValue()), (String) r[4]));
    }

    private static AuditEntry toEntry(Object[] r) {
        String hash = (String) r[5];
        return new AuditEntry(((Number) r[0]).longValue(), Times.fromMicros(((Number) r[1]).longValue()),
                (String) r[2], (String) r[3], ((String) r[4]).trim(), hash == null ? null : hash.trim(),
                r[6] == null ? null : ((Number) r[6]).longValue());
    }
}
