package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.MerchantTableRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.api.store.dto.MerchantChallengeRecord;
import org.accordpay.api.store.dto.MerchantTableRecord;
import org.accordpay.store.internal.entity.MerchantChallengeEntity;
import org.accordpay.store.internal.entity.MerchantTableEntity;

/**
 * Merchants' tables and challenges. {@link #lockForUpdate} is {@code SELECT ... FOR UPDATE}; {@link #save}
 * replaces only a row this transaction locked (the entity's {@code @Version} catches a stale record).
 */
final class JpaMerchantTableRepository implements MerchantTableRepository {

    private final JpaStoreTransaction tx;
    private final Set<String> locked = new HashSet<>();

    JpaMerchantTableRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<MerchantTableRecord> find(String merchantId) {
        return Optional.ofNullable(tx.em().find(MerchantTableEntity.class, merchantId))
                .map(JpaMerchantTableRepository::toRecord);
    }

    @Override
    public java.util.List<String> merchantsWithKeyVersionBelow(int version, int limit) {
        if (limit <= 0) {
            return java.util.List.of();
        }
        return tx.em().createQuery("select t.merchantId from MerchantTableEntity t where t.keyVersion < :version"
                        + " order by t.merchantId", String.class)
                .setParameter("version", version).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<MerchantTableRecord> lockForUpdate(String merchantId) {
        Objects.requireNonNull(merchantId, "merchant id");
        MerchantTableEntity e = tx.em().find(MerchantTableEntity.class, merchantId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            return Optional.empty();
        }
        locked.add(merchantId);
        return Optional.of(toRecord(e));
    }

    @Override
    public void save(MerchantTableRecord t) {
        Objects.requireNonNull(t, "table");
        if (t.sealedTable().length > JpaCredentialRepository.MAX_BLOB) {
            throw new StoreException("sealed table of " + t.sealedTable().length + " bytes exceeds "
                    + JpaCredentialRepository.MAX_BLOB);
        }
        EntityManager em = tx.em();
        MerchantTableEntity e = em.find(MerchantTableEntity.class, t.merchantId());
        boolean insert = e == null;
        if (insert) {
            e = new MerchantTableEntity();
            e.merchantId = t.merchantId();
        } else if (!locked.contains(t.merchantId())) {
            throw new IllegalStateException("table of " + t.merchantId()
                    + " was not locked in this transaction: call lockForUpdate first");
        } else if (e.version != t.version()) {
            throw new ConcurrentUpdateException("table of " + t.merchantId() + " is at version " + e.version
                    + ", not " + t.version());
        }
        e.tableId = t.tableId();
        e.generation = t.generation();
        e.sealedTable = t.sealedTable();
        e.wrappedDataKey = t.wrappedDataKey();
        e.keyVersion = t.keyVersion();
        e.cells = t.cells();
        e.remainingCells = t.remainingCells();
        e.thresholdMinor = t.thresholdMinor();
        e.currency = t.currency();
        e.issuedAt = Times.toMicros(t.issuedAt());
        e.updatedAt = Times.toMicros(t.updatedAt());
        try {
            if (insert) {
                em.persist(e);
            }
            em.flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex) || Errors.isConflict(ex)) {
                throw new ConcurrentUpdateException("table of " + t.merchantId() + " changed concurrently");
            }
            throw ex;
        }
        locked.add(t.merchantId());
    }

    @Override
    public void insertChallenge(MerchantChallengeRecord c) {
        MerchantChallengeEntity e = new MerchantChallengeEntity();
        e.id = c.challengeId();
        e.merchantId = c.merchantId();
        e.tableId = c.tableId();
        e.generation = c.generation();
        e.cellAddress = c.cellAddress();
        e.requestDigest = c.requestDigest();
        e.binding = c.binding();
        e.issuedAt = Times.toMicros(c.issuedAt());
        e.expiresAt = Times.toMicros(c.expiresAt());
        e.state = c.state().name();
        e.answeredAt = c.answeredAt() == null ? null : Times.toMicros(c.answeredAt());
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("merchant challenge " + c.challengeId() + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<MerchantChallengeRecord> findChallenge(String challengeId) {
        return Optional.ofNullable(tx.em().find(MerchantChallengeEntity.class, challengeId))
                .map(JpaMerchantTableRepository::toRecord);
    }

    @Override
    public boolean closeChallenge(String challengeId, ChallengeState state, Instant at) {
        if (state == ChallengeState.OPEN) {
            throw new IllegalArgumentException("closing to OPEN");
        }
        return tx.em().createQuery("update MerchantChallengeEntity c set c.state = :s, c.answeredAt = :at"
                        + " where c.id = :id and c.state = :open")
                .setParameter("s", state.name()).setParameter("at", Times.toMicros(at))
                .setParameter("id", challengeId).setParameter("open", ChallengeState.OPEN.name())
                .executeUpdate() == 1;
    }

    private static MerchantTableRecord toRecord(MerchantTableEntity e) {
        return new MerchantTableRecord(e.merchantId, e.tableId, e.generation, e.sealedTable, e.wrappedDataKey,
                e.keyVersion, e.cells, e.remainingCells, e.thresholdMinor, e.currency, Times.fromMicros(e.issuedAt),
                Times.fromMicros(e.updatedAt), e.version);
    }

    private static MerchantChallengeRecord toRecord(MerchantChallengeEntity e) {
        return new MerchantChallengeRecord(e.id, e.merchantId, e.tableId, e.generation, e.cellAddress,
                e.requestDigest, e.binding, Times.fromMicros(e.issuedAt), Times.fromMicros(e.expiresAt),
                ChallengeState.valueOf(e.state), e.answeredAt == null ? null : Times.fromMicros(e.answeredAt));
    }
}
