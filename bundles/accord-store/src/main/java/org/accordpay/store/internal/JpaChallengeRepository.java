package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.ChallengeRepository;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.ChallengeRecord;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.store.internal.entity.ChallengeEntity;
import org.accordpay.store.internal.entity.UsedCellEntity;

/**
 * Challenges and the used-cell log. {@link #close} is a compare-and-set UPDATE on the state
 * column that also clears {@code open_customer_id}, the column whose unique constraint allows
 * one OPEN challenge per customer.
 */
final class JpaChallengeRepository implements ChallengeRepository {

    private final JpaStoreTransaction tx;

    JpaChallengeRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ChallengeRecord c) {
        Objects.requireNonNull(c, "challenge");
        Objects.requireNonNull(c.challengeId(), "challenge id");
        Objects.requireNonNull(c.customerId(), "customer id");
        Objects.requireNonNull(c.state(), "state");
        byte[] binding = Objects.requireNonNull(c.binding(), "binding");
        if (binding.length > JpaCredentialRepository.MAX_BLOB) {
            throw new IllegalArgumentException("binding is " + binding.length + " bytes; at most "
                    + JpaCredentialRepository.MAX_BLOB);
        }
        EntityManager em = tx.em();
        ChallengeEntity e = new ChallengeEntity();
        e.id = c.challengeId();
        e.customerId = c.customerId();
        e.cellAddress = c.cellAddress();
        e.purchaseId = c.purchaseId();
        e.mode = Objects.requireNonNull(c.mode(), "mode").name();
        e.binding = binding;
        e.issuedAt = Times.toMicros(c.issuedAt());
        e.expiresAt = Times.toMicros(c.expiresAt());
        e.state = c.state().name();
        e.answeredAt = c.answeredAt() == null ? null : Times.toMicros(c.answeredAt());
        e.attemptCounted = c.attemptCounted();
        e.openCustomerId = c.state() == ChallengeState.OPEN ? c.customerId() : null;
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("challenge " + c.challengeId() + " already exists, or customer "
                        + c.customerId() + " already has an OPEN challenge", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<ChallengeRecord> find(String challengeId) {
        return Optional.ofNullable(tx.em().find(ChallengeEntity.class, challengeId))
                .map(JpaChallengeRepository::toRecord);
    }

    @Override
    public Optional<ChallengeRecord> openFor(String customerId) {
        return tx.em().createQuery("select c from ChallengeEntity c where c.openCustomerId = :customer",
                        ChallengeEntity.class)
                .setParameter("customer", customerId)
                .getResultStream().findFirst().map(JpaChallengeRepository::toRecord);
    }

    @Override
    public ChallengeRecord close(String challengeId, ChallengeState from, ChallengeState to, Instant at) {
        return close(challengeId, from, to, at, null);
    }

    @Override
    public ChallengeRecord close(String challengeId, ChallengeState from, ChallengeState to, Instant at,
            boolean attemptCounted) {
        return close(challengeId, from, to, at, Boolean.valueOf(attemptCounted));
    }

    private ChallengeRecord close(String challengeId, ChallengeState from, ChallengeState to, Instant at,
            Boolean attemptCounted) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        if (to == ChallengeState.OPEN) {
            throw new IllegalArgumentException("a challenge cannot be closed to OPEN");
        }
        EntityManager em = tx.em();
        String set = "update ChallengeEntity c set c.state = :to, c.answeredAt = :at, c.openCustomerId = null"
                + (attemptCounted == null ? "" : ", c.attemptCounted = :counted")
                + " where c.id = :id and c.state = :from";
        var update = em.createQuery(set)
                .setParameter("to", to.name())
                .setParameter("at", Times.toMicros(at))
                .setParameter("id", challengeId)
                .setParameter("from", from.name());
        if (attemptCounted != null) {
            update.setParameter("counted", attemptCounted);
        }
        int updated = update.executeUpdate();
        ChallengeEntity e = em.find(ChallengeEntity.class, challengeId);
        if (e == null) {
            throw new StoreException("challenge " + challengeId + " does not exist");
        }
        em.refresh(e);
        if (updated == 0) {
            throw new ConcurrentUpdateException("challenge " + challengeId + " is " + e.state + ", not " + from);
        }
        return toRecord(e);
    }

    @Override
    public List<ChallengeRecord> expiredOpen(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.em().createQuery("select c from ChallengeEntity c where c.state = :open"
                        + " and c.expiresAt <= :now order by c.expiresAt, c.id", ChallengeEntity.class)
                .setParameter("open", ChallengeState.OPEN.name())
                .setParameter("now", Times.toMicros(now))
                .setMaxResults(limit)
                .getResultList().stream().map(JpaChallengeRepository::toRecord).toList();
    }

    @Override
    public long countIssuedSince(String customerId, Instant since) {
        return tx.em().createQuery("select count(c) from ChallengeEntity c"
                        + " where c.customerId = :customer and c.issuedAt >= :since", Long.class)
                .setParameter("customer", customerId)
                .setParameter("since", Times.toMicros(since))
                .getSingleResult();
    }

    @Override
    public boolean markCellUsed(String customerId, String tableId, int generation, int cellAddress, Instant at) {
        Objects.requireNonNull(customerId, "customer id");
        Objects.requireNonNull(tableId, "table id");
        EntityManager em = tx.em();
        UsedCellEntity.Key key = new UsedCellEntity.Key(customerId, tableId, generation, cellAddress);
        if (em.find(UsedCellEntity.class, key) != null) {
            return false;
        }
        UsedCellEntity e = new UsedCellEntity();
        e.key = key;
        e.usedAt = Times.toMicros(at);
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex) || Errors.isConflict(ex)) {
                throw new ConcurrentUpdateException("cell " + cellAddress + " of table " + tableId + " generation "
                        + generation + " was used by a concurrent transaction (was the credential locked?)");
            }
            throw ex;
        }
        return true;
    }

    @Override
    public int usedCellCount(String customerId, String tableId, int generation) {
        return tx.em().createQuery("select count(u) from UsedCellEntity u where u.key.customerId = :customer"
                        + " and u.key.tableId = :table and u.key.generation = :generation", Long.class)
                .setParameter("customer", customerId)
                .setParameter("table", tableId)
                .setParameter("generation", generation)
                .getSingleResult().intValue();
    }

    @Override
    public boolean consumeForReprovisioning(String challengeId, Instant at) {
        Objects.requireNonNull(challengeId, "challenge id");
        Objects.requireNonNull(at, "at");
        EntityManager em = tx.em();
        int updated = em.createQuery("update ChallengeEntity c set c.reprovisionedAt = :at"
                        + " where c.id = :id and c.reprovisionedAt is null")
                .setParameter("at", Times.toMicros(at))
                .setParameter("id", challengeId)
                .executeUpdate();
        ChallengeEntity e = em.find(ChallengeEntity.class, challengeId);
        if (e == null) {
            throw new StoreException("challenge " + challengeId + " does not exist");
        }
        em.refresh(e);
        return updated == 1;
    }

    @Override
    public Optional<Instant> consumedForReprovisioningAt(String challengeId) {
        return tx.em().createQuery("select c.reprovisionedAt from ChallengeEntity c where c.id = :id", Long.class)
                .setParameter("id", challengeId)
                .getResultStream().filter(Objects::nonNull).findFirst().map(Times::fromMicros);
    }

    static ChallengeRecord toRecord(ChallengeEntity e) {
        return new ChallengeRecord(e.id, e.customerId, e.cellAddress, e.purchaseId, Mode.valueOf(e.mode), e.binding,
                Times.fromMicros(e.issuedAt), Times.fromMicros(e.expiresAt), ChallengeState.valueOf(e.state),
                e.answeredAt == null ? null : Times.fromMicros(e.answeredAt), e.attemptCounted);
    }
}
