package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.CredentialRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.CustomerCredential;
import org.accordpay.api.store.dto.PendingGeneration;
import org.accordpay.store.internal.entity.CredentialFailureEntity;
import org.accordpay.store.internal.entity.CustomerCredentialEntity;

/**
 * Credentials. {@link #lockForUpdate} is {@code SELECT ... FOR UPDATE}
 * ({@link LockModeType#PESSIMISTIC_WRITE}); {@link #update} is allowed only on rows this
 * transaction locked or inserted, and the entity's {@code @Version} catches a stale record.
 */
final class JpaCredentialRepository implements CredentialRepository {

    /** MariaDB {@code BLOB} holds at most this many bytes. */
    static final int MAX_BLOB = 65_535;

    private final JpaStoreTransaction tx;
    private final Set<String> locked = new HashSet<>();

    JpaCredentialRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(CustomerCredential c) {
        Objects.requireNonNull(c, "credential");
        Objects.requireNonNull(c.customerId(), "customer id");
        Objects.requireNonNull(c.enrolledAt(), "enrolledAt");
        EntityManager em = tx.em();
        CustomerCredentialEntity e = new CustomerCredentialEntity();
        e.customerId = c.customerId();
        e.enrolledAt = Times.toMicros(c.enrolledAt());
        copy(c, e);
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("customer " + c.customerId() + " already has a credential", ex);
            }
            throw ex;
        }
        locked.add(c.customerId());
    }

    @Override
    public Optional<CustomerCredential> find(String customerId) {
        return Optional.ofNullable(tx.em().find(CustomerCredentialEntity.class, customerId))
                .map(JpaCredentialRepository::toRecord);
    }

    @Override
    public Optional<CustomerCredential> findByDevice(String deviceId) {
        Objects.requireNonNull(deviceId, "device id");
        return tx.em().createQuery("select c from CustomerCredentialEntity c where c.deviceId = :device",
                        CustomerCredentialEntity.class)
                .setParameter("device", deviceId)
                .getResultStream()
                .findFirst()
                .map(JpaCredentialRepository::toRecord);
    }

    @Override
    public Optional<CustomerCredential> lockForUpdate(String customerId) {
        Objects.requireNonNull(customerId, "customer id");
        EntityManager em = tx.em();
        CustomerCredentialEntity e = em.find(CustomerCredentialEntity.class, customerId,
                LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            return Optional.empty();
        }
        locked.add(customerId);
        return Optional.of(toRecord(e));
    }

    @Override
    public void update(CustomerCredential c) {
        Objects.requireNonNull(c, "credential");
        if (!locked.contains(c.customerId())) {
            throw new IllegalStateException("credential of " + c.customerId()
                    + " was not locked in this transaction: call lockForUpdate first");
        }
        EntityManager em = tx.em();
        CustomerCredentialEntity e = em.find(CustomerCredentialEntity.class, c.customerId());
        if (e == null) {
            throw new StoreException("customer " + c.customerId() + " has no credential");
        }
        if (e.version != c.version()) {
            throw new ConcurrentUpdateException("credential of " + c.customerId() + " is at version " + e.version
                    + ", not " + c.version());
        }
        copy(c, e);
        em.flush();
    }

    @Override
    public void recordFailure(String customerId, Instant at) {
        Objects.requireNonNull(customerId, "customer id");
        CredentialFailureEntity e = new CredentialFailureEntity();
        e.customerId = customerId;
        e.at = Times.toMicros(at);
        tx.em().persist(e);
        tx.em().flush();
    }

    @Override
    public long failuresSince(String customerId, Instant since) {
        return tx.em().createQuery("select count(f) from CredentialFailureEntity f"
                        + " where f.customerId = :customer and f.at >= :since", Long.class)
                .setParameter("customer", customerId)
                .setParameter("since", Times.toMicros(since))
                .getSingleResult();
    }

    @Override
    public List<String> lockedCustomers() {
        return tx.em().createQuery("select c.customerId from CustomerCredentialEntity c"
                + " where c.lockedAt is not null order by c.customerId", String.class).getResultList();
    }

    @Override
    public long countLocked() {
        return tx.em().createQuery("select count(c) from CustomerCredentialEntity c where c.lockedAt is not null",
                Long.class).getSingleResult();
    }

    @Override
    public List<String> customersWithKeyVersionBelow(int version, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.em().createQuery("select c.customerId from CustomerCredentialEntity c"
                        + " where c.keyVersion < :version order by c.customerId", String.class)
                .setParameter("version", version)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Copies everything but the key, the enrolment time and the version. */
    private static void copy(CustomerCredential c, CustomerCredentialEntity e) {
        Objects.requireNonNull(c.updatedAt(), "updatedAt");
        e.deviceId = Objects.requireNonNull(c.deviceId(), "device id");
        e.deviceSigningKey = blob(c.deviceSigningKey(), "deviceSigningKey");
        e.deviceTransportKey = blob(c.deviceTransportKey(), "deviceTransportKey");
        e.tableId = Objects.requireNonNull(c.tableId(), "table id");
        e.generation = c.generation();
        e.sealedTable = blob(c.sealedTable(), "sealedTable");
        e.wrappedDataKey = blob(c.wrappedDataKey(), "wrappedDataKey");
        e.keyVersion = c.keyVersion();
        e.remainingCells = c.remainingCells();
        e.consecutiveFailures = c.consecutiveFailures();
        e.lockedAt = c.lockedAt() == null ? null : Times.toMicros(c.lockedAt());
        e.lockReason = c.lockReason();
        e.updatedAt = Times.toMicros(c.updatedAt());
        PendingGeneration p = c.pending();
        e.pendingTableId = p == null ? null : p.tableId();
        e.pendingGeneration = p == null ? null : p.generation();
        e.pendingSealedTable = p == null ? null : blob(p.sealedTable(), "pending sealedTable");
        e.pendingTransportKey = p == null ? null : blob(p.sealedTransportKey(), "pending sealedTransportKey");
        e.pendingSince = p == null ? null : Times.toMicros(p.since());
    }

    /** @return the (already copied) bytes, checked to fit a MariaDB BLOB */
    private static byte[] blob(byte[] b, String what) {
        Objects.requireNonNull(b, what);
        if (b.length > MAX_BLOB) {
            throw new IllegalArgumentException(what + " is " + b.length + " bytes; at most " + MAX_BLOB);
        }
        return b;
    }

    static CustomerCredential toRecord(CustomerCredentialEntity e) {
        return new CustomerCredential(e.customerId, e.deviceId, e.deviceSigningKey, e.deviceTransportKey, e.tableId,
                e.generation, e.sealedTable, e.wrappedDataKey, e.keyVersion, e.remainingCells, e.consecutiveFailures,
                e.lockedAt == null ? null : Times.fromMicros(e.lockedAt), e.lockReason,
                Times.fromMicros(e.enrolledAt), Times.fromMicros(e.updatedAt), pending(e), e.version);
    }

    private static PendingGeneration pending(CustomerCredentialEntity e) {
        return e.pendingTableId == null ? null : new PendingGeneration(e.pendingTableId, e.pendingGeneration,
                e.pendingSealedTable, e.pendingTransportKey, Times.fromMicros(e.pendingSince));
    }
}
